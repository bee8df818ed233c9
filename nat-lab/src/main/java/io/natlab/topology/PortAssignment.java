package io.natlab.topology;

/** How the NAT chooses the public port of a new mapping. */
public enum PortAssignment {
    /** Public port = private port when free (plain MASQUERADE). */
    PRESERVING("preserving"),
    /** Each new flow gets the previous public port + a fixed delta (nft numgen). */
    SEQUENTIAL("sequential"),
    /** A random port per new flow (MASQUERADE --random-fully). */
    RANDOM("random");

    private final String yamlName;
    PortAssignment(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
