package io.natlab.scenario;

import java.util.Locale;

/**
 * How the lab runs each trial's clients (the scenario's {@code process} key): {@link #WARM} hands each trial to a
 * long-lived agent per peer (one JVM start per lab, fresh sockets per trial); {@link #FRESH} starts a new process
 * per client per trial (cold-start timing, implementations without an agent).
 */
public enum ProcessMode {
    WARM, FRESH;

    /** The property that overrides every scenario's choice ({@code -Dnatlab.process=fresh}). */
    public static final String PROPERTY = "natlab.process";

    public String yamlName() { return name().toLowerCase(Locale.ROOT); }

    /** warm or fresh (any case); throws naming the allowed values otherwise. */
    public static ProcessMode parse(String text, String where) {
        for (ProcessMode m : values()) if (m.yamlName().equalsIgnoreCase(text.strip())) return m;
        throw new IllegalArgumentException(where + ": unknown process mode '" + text + "'; allowed: warm, fresh");
    }
}
