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
}
