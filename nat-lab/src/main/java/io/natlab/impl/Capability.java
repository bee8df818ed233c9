package io.natlab.impl;

/** What an implementation declares it can do beyond the contract; it changes what theory predicts for it. */
public enum Capability {
    /** Learns its NAT's port delta and punches to predicted ports (symmetric-sequential NATs). */
    PORT_PREDICTION("port-prediction"),
    /** Holds the punched stream with heartbeats ({@code NATLAB_HOLD_MS}) and reports how it fared. */
    HOLD("hold"),
    /** Re-punches after a detected break and resumes the byte stream ({@code NATLAB_RECOVER=1}). */
    RECOVER("recover"),
    /** Runs as a long-lived agent taking trial after trial over stdin (warm mode, docs/peer-contract.md). */
    AGENT("agent");

    private final String yamlName;

    Capability(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
