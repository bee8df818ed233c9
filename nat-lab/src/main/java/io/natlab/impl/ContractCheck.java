package io.natlab.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one peer process against the output half of the peer contract (docs/peer-contract.md): exactly one JSON
 * line with the documented fields, an exit code that agrees with it, and an end within the deadline. Each
 * violation is one plain sentence; the checker never throws on what a process printed.
 */
public final class ContractCheck {
    /** Start-up and shutdown allowance on top of NATLAB_TIMEOUT_MS. */
    public static final long DEADLINE_SLACK_MS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("connect", "accept", "private");
    private static final Pattern ENDPOINT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+]):\\d{1,5}");
    private static final int QUOTE = 80;

    /** What a process did: its stdout, exit code (-1: killed by the runner) and wall time. */
    public record Process(String stdout, int exitCode, long elapsedMs, long timeoutMs) {
    }

    private ContractCheck() {
    }

    public static List<String> violations(Process p) {
        List<String> out = new ArrayList<>();
        if (p.exitCode() == -1 || p.exitCode() == 137 || p.exitCode() == 143) {
            out.add("did not exit by itself: killed after " + p.elapsedMs() + " ms (deadline " + p.timeoutMs()
                    + " ms + " + DEADLINE_SLACK_MS + " ms slack)");
        } else if (p.elapsedMs() > p.timeoutMs() + DEADLINE_SLACK_MS) {
            out.add("ran " + p.elapsedMs() + " ms, past its " + p.timeoutMs() + " ms deadline + " + DEADLINE_SLACK_MS
                    + " ms slack");
        }
        List<String> lines = p.stdout() == null ? List.of()
                : p.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (p.exitCode() == 2) {
            out.add("exit 2: it reported a usage error for the contract's inputs");
            return out;
        }
        if (lines.isEmpty()) {
            out.add("printed no JSON line on stdout (exit " + p.exitCode() + ")");
            return out;
        }
        if (lines.size() > 1) {
            out.add("printed " + lines.size() + " lines on stdout; the contract allows exactly one JSON line "
                    + "(events belong on stderr)");
        }
        JsonNode result;
        try {
            result = JSON.readTree(lines.get(lines.size() - 1));
        } catch (JsonProcessingException e) {
            out.add("stdout is not JSON: " + quote(lines.get(lines.size() - 1)));
            return out;
        }
        if (result == null || !result.isObject()) {
            out.add("stdout is JSON but not an object: " + quote(lines.get(lines.size() - 1)));
            return out;
        }
        fields(result, out);
        String outcome = result.path("outcome").asText("");
        int wantExit = "direct".equals(outcome) ? 0 : "failed".equals(outcome) ? 1 : -2;
        if (wantExit >= 0 && p.exitCode() >= 0 && p.exitCode() != wantExit && p.exitCode() != 137
                && p.exitCode() != 143) {
            out.add("exit code " + p.exitCode() + " but outcome '" + outcome + "' (the contract says " + wantExit + ")");
        }
        return out;
    }

    private static void fields(JsonNode r, List<String> out) {
        JsonNode outcome = r.get("outcome");
        if (outcome == null || !outcome.isTextual() || !Set.of("direct", "failed").contains(outcome.asText())) {
            out.add("outcome: must be \"direct\" or \"failed\", got " + (outcome == null ? "nothing" : quote(outcome.toString())));
            return;
        }
        boolean direct = outcome.asText().equals("direct");
        count(r, "attempts", true, out);
        count(r, "bytesVerified", true, out);
        number(r, "elapsedMs", direct, out);
        number(r, "rttMs", direct, out);
        JsonNode method = r.get("method");
        if (method == null ? direct : !(method.isTextual() && METHODS.contains(method.asText()))) {
            out.add("method: must be connect, accept or private" + (direct ? " on a direct outcome" : "")
                    + (method == null ? "" : ", got " + quote(method.toString())));
        }
        for (String f : List.of("local", "remote")) {
            JsonNode e = r.get(f);
            if (e == null ? direct : !(e.isTextual() && ENDPOINT.matcher(e.asText()).matches())) {
                out.add(f + ": must be a numeric ip:port" + (e == null ? " on a direct outcome" : ", got " + quote(e.toString())));
            }
        }
        JsonNode error = r.get("error");
        if (direct && error != null) {
            out.add("error: present on a direct outcome");
        } else if (!direct && (error == null || !error.isTextual() || error.asText().isBlank())) {
            out.add("error: a failed outcome must say why in a non-empty string");
        }
    }

    private static void count(JsonNode r, String field, boolean required, List<String> out) {
        JsonNode n = r.get(field);
        if (n == null ? required : !(n.canConvertToLong() && n.isIntegralNumber() && n.asLong() >= 0)) {
            out.add(field + ": must be an integer >= 0" + (n == null ? " (missing)" : ", got " + quote(n.toString())));
        }
    }

    private static void number(JsonNode r, String field, boolean required, List<String> out) {
        JsonNode n = r.get(field);
        if (n == null ? required : !(n.isNumber() && n.asDouble() >= 0)) {
            out.add(field + ": must be a number >= 0" + (n == null ? " on a direct outcome" : ", got " + quote(n.toString())));
        }
    }

    /** A printable, bounded excerpt: control characters escaped so one violation stays one line. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().limit(QUOTE).forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : new String(Character.toChars(c))));
        return b.append(s.codePointCount(0, s.length()) > QUOTE ? "…'" : "'").toString();
    }
}
