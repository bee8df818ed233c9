package io.natlab.impl;

/** What an implementation declares it can do beyond the contract; it changes what theory predicts for it. */
public enum Capability {
    /** Learns its NAT's port delta and punches to predicted ports (symmetric-sequential NATs). */
    PORT_PREDICTION("port-prediction");

    private final String yamlName;

    Capability(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
