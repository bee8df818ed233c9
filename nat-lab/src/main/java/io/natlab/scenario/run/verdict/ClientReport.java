package io.natlab.scenario.run.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.Method;
import io.natlab.punch.Outcome;

/**
 * One punch client's result: the single JSON object it prints on stdout (the punch CLI contract), or a failure
 * describing why there was none.
 *
 * @param outcome       "direct" or "failed"
 * @param method        connect / accept / private, null when failed
 * @param local         local endpoint of the stream
 * @param remote        remote endpoint of the stream
 * @param elapsedMs     time from start to an authenticated stream (time-to-punch), null when failed
 * @param attempts      connect attempts made
 * @param rttMs         RTT measured over the stream, null when failed
 * @param bytesVerified bytes echoed and verified each way
 * @param error         why it failed, null when direct
 */
public record ClientReport(String outcome, String method, String local, String remote, Double elapsedMs,
                           int attempts, Double rttMs, long bytesVerified, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean direct() { return "direct".equals(outcome); }

    /** The outcome as punch-core's enum (anything but direct is failed). */
    public Outcome outcomeKind() { return direct() ? Outcome.DIRECT : Outcome.FAILED; }

    /** The method as punch-core's enum, null when absent or unknown. */
    public Method methodKind() {
        for (Method m : Method.values()) if (m.wireName().equals(method)) return m;
        return null;
    }

    /**
     * Parses a client's stdout. Tolerates stray lines around the object (the last line that parses as a JSON object
     * wins); anything else becomes a failed report whose error says what the client did print.
     */
    public static ClientReport parse(String stdout, int exitCode) {
        String text = stdout == null ? "" : stdout.strip();
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.startsWith("{")) continue;
            try {
                return fromJson(JSON.readTree(line));
            } catch (Exception e) {
                return failure("client printed malformed JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "): " + abbreviate(line));
            }
        }
        return failure("client printed no JSON result (exit " + exitCode + ")"
            + (text.isEmpty() ? "" : ": " + abbreviate(text)));
    }

    public static ClientReport failure(String error) {
        return new ClientReport("failed", null, null, null, null, 0, null, 0, error);
    }

    private static ClientReport fromJson(JsonNode n) {
        String outcome = text(n, "outcome");
        if (!"direct".equals(outcome) && !"failed".equals(outcome))
            return failure("client JSON has outcome '" + outcome + "', expected direct or failed");
        return new ClientReport(outcome, text(n, "method"), text(n, "local"), text(n, "remote"),
            number(n, "elapsedMs"), n.path("attempts").asInt(0), number(n, "rttMs"),
            n.path("bytesVerified").asLong(0), text(n, "error"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }
}
