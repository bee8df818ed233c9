package io.natlab.topology;

/** What a router does with an inbound SYN that matches no mapping (RFC 5382 REQ-4). */
public enum UnsolicitedPolicy {
    /** Silently dropped (the default here; what makes simultaneous open reliable). */
    DROP("drop"),
    /** Answered with a TCP RST (Linux's own default when nothing filters INPUT). */
    RST("rst"),
    /** Answered with ICMP port unreachable. */
    ICMP("icmp");

    private final String yamlName;
    UnsolicitedPolicy(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
