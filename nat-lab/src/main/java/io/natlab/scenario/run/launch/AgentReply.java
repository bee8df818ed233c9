package io.natlab.scenario.run.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line a warm agent printed on stdout (punch-core's {@code punch agent}, docs/peer-contract.md): ready, an event
 * of a trial, a trial's result, or an error about a request. A line that is none of these is {@link Kind#OTHER}. Pure.
 *
 * @param trial  the trial it is about, null for ready/error/other
 * @param text   the event line, the error message, or the line itself for other
 * @param exit   the client's exit status (result only)
 * @param stdout what the client printed on stdout: its JSON result (result only)
 */
public record AgentReply(Kind kind, String trial, String text, int exit, String stdout, boolean stopped) {
    public enum Kind { READY, EVENT, RESULT, ERROR, OTHER }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static AgentReply parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.isObject()) return other(line);
        if (n.has("agent")) return new AgentReply(Kind.READY, null, n.get("agent").asText(), 0, null, false);
        if (n.has("error") && !n.has("trial")) return new AgentReply(Kind.ERROR, null, n.get("error").asText(), 0, null, false);
        JsonNode trial = n.get("trial");
        if (trial == null || !trial.isTextual()) return other(line);
        if (n.has("event")) return new AgentReply(Kind.EVENT, trial.asText(), n.get("event").asText(), 0, null, false);
        if (n.has("exit")) {
            JsonNode result = n.get("result");
            String stdout = result != null && result.isObject() ? result.toString() : n.path("stdout").asText("");
            return new AgentReply(Kind.RESULT, trial.asText(), null, n.get("exit").asInt(-1), stdout,
                n.path("stopped").asBoolean(false));
        }
        return other(line);
    }

    private static AgentReply other(String line) { return new AgentReply(Kind.OTHER, null, line, 0, null, false); }
}
