package io.natlab.result;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.natlab.punch.Method;
import io.natlab.punch.Outcome;

/**
 * Serialises punch-core's enums in results by their wire names ({@code "direct"}, {@code "accept"}), the words
 * the punch CLI prints, without punch-core depending on Jackson annotations.
 */
public final class PunchEnumsJson {
    private PunchEnumsJson() {}

    abstract static class ByWireName {
        @JsonValue abstract String wireName();
    }

    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("punch-enums");
        m.setMixInAnnotation(Outcome.class, ByWireName.class);
        m.setMixInAnnotation(Method.class, ByWireName.class);
        return m;
    }
}
