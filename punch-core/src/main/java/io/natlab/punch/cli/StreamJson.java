package io.natlab.punch.cli;

import io.natlab.punch.StreamReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The result's {@code "stream"} object (only with a hold): every field present, null where it does not apply. */
final class StreamJson {
    private StreamJson() {
    }

    static Map<String, Object> toMap(StreamReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().wireName());
        m.put("heldMs", s.heldMs());
        m.put("brokeAtMs", s.brokeAtMs());
        m.put("detectedAtMs", s.detectedAtMs());
        m.put("detectedBy", s.detectedBy());
        m.put("recoveredAtMs", s.recoveredAtMs());
        m.put("recoveryMs", s.recoveryMs());
        m.put("breaks", s.breaks());
        m.put("sent", s.sent());
        m.put("received", s.received());
        m.put("verified", s.verified());
        m.put("lost", s.lost());
        m.put("duplicated", s.duplicated());
        m.put("corrupted", s.corrupted());
        m.put("resent", s.resent());
        return m;
    }
}
