package io.natlab.scenario.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * One client's {@code stream} report (the object in its JSON result when it held the stream; docs/results-json.md,
 * docs/peer-contract.md). Times in ms after stream-up, {@code null} when it did not happen. Pure.
 */
public record ClientStream(String state, Double heldMs, Double brokeAtMs, Double detectedAtMs, String detectedBy,
                           Double recoveredAtMs, Double recoveryMs, long sent, long received, long verified, long lost,
                           long duplicated, long corrupted) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code stream} object of the last JSON line of a client's stdout; empty when there is none. */
    public static Optional<ClientStream> parse(String stdout) {
        if (stdout == null) return Optional.empty();
        String[] lines = stdout.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.startsWith("{")) continue;
            try {
                JsonNode s = JSON.readTree(line).get("stream");
                if (s == null || !s.isObject()) return Optional.empty();
                return Optional.of(new ClientStream(text(s, "state"), num(s, "heldMs"), num(s, "brokeAtMs"),
                    num(s, "detectedAtMs"), text(s, "detectedBy"), num(s, "recoveredAtMs"), num(s, "recoveryMs"),
                    s.path("sent").asLong(0), s.path("received").asLong(0), s.path("verified").asLong(0),
                    s.path("lost").asLong(0), s.path("duplicated").asLong(0), s.path("corrupted").asLong(0)));
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double num(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
