package io.natlab.punch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.PunchResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON object the client prints: the field names and order of the CLI contract, nulls left out. */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {
    }

    public static Map<String, Object> toMap(PunchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().wireName());
        putIfPresent(m, "method", r.method() == null ? null : r.method().wireName());
        putIfPresent(m, "local", r.local() == null ? null : r.local().toString());
        putIfPresent(m, "remote", r.remote() == null ? null : r.remote().toString());
        putIfPresent(m, "elapsedMs", r.elapsedMs());
        m.put("attempts", r.attempts());
        putIfPresent(m, "rttMs", r.rttMs());
        m.put("bytesVerified", r.bytesVerified());
        putIfPresent(m, "error", r.error());
        if (r.stream() != null) {
            m.put("stream", StreamJson.toMap(r.stream()));
        }
        return m;
    }

    public static String toJson(PunchResult r) {
        try {
            return MAPPER.writeValueAsString(toMap(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result JSON", e);
        }
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
