package io.natlab.lab;

/** What a lab container is for. */
public enum HostRole {
    ROUTER, PEER, PUBLIC_PEER, RENDEZVOUS,
    /** Internet-side observers ({@code probe-1}, {@code probe-2}) the fidelity classifier measures routers from. */
    PROBE
}
