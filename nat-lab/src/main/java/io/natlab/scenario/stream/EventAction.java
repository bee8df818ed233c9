package io.natlab.scenario.stream;

/** What a router event does to the router mid-stream (the YAML {@code do:}). */
public enum EventAction {
    /** The router forgets every conntrack entry; rules stay. */
    FLUSH_CONNTRACK("flush-conntrack"),
    /** Forgets every conntrack entry and dynamic NAT state, and reloads its rules. */
    REBOOT("reboot"),
    /** The WAN address changes to a fresh one on the same segment; the old one is removed. */
    CHANGE_PUBLIC_IP("change-public-ip"),
    /** Every packet on the WAN interface is dropped for {@code for}, then the link returns. */
    LINK_DOWN("link-down"),
    /** Established TCP entries expire after a short idle time ({@code for}, default 2 s) from then on. */
    IDLE_EXPIRY("idle-expiry"),
    /** Loss and/or latency change mid-stream. */
    SET("set");

    private final String yamlName;
    EventAction(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
