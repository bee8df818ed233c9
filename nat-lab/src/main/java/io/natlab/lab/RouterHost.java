package io.natlab.lab;

import io.natlab.nat.DelayBackend;

/** A NAT router of a running lab. */
public interface RouterHost extends LabHost {
    /** Public-side (WAN) address: on the internet, or on the parent site's LAN when nested. */
    String wanIp();
    /** WAN interface name, found by subnet. */
    String wanInterface();
    /** LAN-side address (the peers' gateway). */
    String lanIp();
    /** LAN interface name, found by subnet. */
    String lanInterface();

    /** The script that configured this router (what the rule compiler produced). */
    String appliedRules();
    /** {@code iptables-save} plus {@code nft list ruleset}. */
    String ruleset();
    /** Packet counters of the lab's chains ({@code iptables -L -v -n -x} style). */
    String counters();
    /** {@code conntrack -L} output. */
    String conntrack();

    /** How this router adds its latency/jitter; {@code null} when it adds none. */
    default DelayBackend delayBackend() { return null; }

    // ---- mid-stream events (io.natlab.nat.RouterEventScripts); the next Lab.reset() undoes them ----

    /** What the rule compiler was told about this router (events compile against it); null when not known. */
    default io.natlab.nat.RouterContext context() { return null; }

    /** The scripts this router was configured with; null when not known. */
    default io.natlab.nat.RouterRules rules() { return null; }

    /** Whether the kernel has netem here (a latency set mid-stream uses it, else the userspace delayer). */
    default boolean netemAvailable() { return false; }

    /** A free address on the WAN segment that no other host of the lab uses (change-public-ip). */
    default String spareWanIp() { throw new UnsupportedOperationException("router " + name() + " has no spare address"); }

    /**
     * Runs an event script now; the router is marked disturbed, so the next reset restores it completely.
     * {@code newWanIp}: the WAN address after the event ({@code null}: unchanged).
     */
    default void disturb(String what, String script, String newWanIp) {
        throw new UnsupportedOperationException("router " + name() + " cannot run events");
    }
}
