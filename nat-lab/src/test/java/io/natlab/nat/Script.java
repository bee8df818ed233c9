package io.natlab.nat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A compiled script seen as lines, with helpers to find commands and check their order. */
record Script(List<String> lines) {

    static Script of(String text) { return new Script(Arrays.asList(text.split("\n"))); }

    List<String> commands() { return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList(); }

    /** iptables rules appended to a chain ({@code -A CHAIN ...}), in order, without the "-A CHAIN " prefix. */
    List<String> rulesOf(String chain) {
        Pattern p = Pattern.compile("^iptables (?:-t \\w+ )?-A " + Pattern.quote(chain) + " (.*)$");
        return lines.stream().map(p::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }

    int indexOf(Predicate<String> line) {
        for (int i = 0; i < lines.size(); i++) if (line.test(lines.get(i))) return i;
        throw new AssertionError("no line matches in:\n" + String.join("\n", lines));
    }

    int indexOf(String fragment) { return indexOf(l -> l.contains(fragment)); }

    boolean has(String fragment) { return lines.stream().anyMatch(l -> l.contains(fragment)); }

    void assertBefore(String earlier, String later) {
        assertThat(indexOf(earlier)).as("'%s' before '%s'", earlier, later).isLessThan(indexOf(later));
    }

    /** The nft file fed to {@code nft -f -}. */
    String nftFile() {
        int start = indexOf(l -> l.startsWith("nft -f - <<'NATLAB_EOF'"));
        int end = start + 1;
        while (!lines.get(end).equals("NATLAB_EOF")) end++;
        return String.join("\n", lines.subList(start + 1, end));
    }
}
