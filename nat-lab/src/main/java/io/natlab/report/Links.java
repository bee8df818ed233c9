package io.natlab.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links from a report to diagnostics directories, which are stored relative to the report directory. */
final class Links {
    private Links() {}

    /**
     * A relative href that stays relative and inert: every path segment is percent-encoded, so a name like
     * {@code javascript:x} or {@code a b} cannot become a scheme or break the attribute. Directories end with "/".
     */
    static String href(String relativePath) {
        String p = relativePath.replace('\\', '/');
        while (p.startsWith("/")) p = p.substring(1);
        StringBuilder out = new StringBuilder();
        for (String seg : p.split("/", -1)) {
            if (out.length() > 0) out.append('/');
            out.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String href = out.toString();
        return href.endsWith("/") || href.isEmpty() ? href : href + "/";
    }
}
