package io.natlab.punch;

/** How the winning stream came about, seen from this side. */
public enum Method {
    /** Our outbound connect to the peer's public endpoint (includes a simultaneous open). */
    CONNECT,
    /** Our listener accepted the peer's inbound connection. */
    ACCEPT,
    /** Our outbound connect to the peer's private endpoint (both sides behind the same NAT). */
    PRIVATE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
