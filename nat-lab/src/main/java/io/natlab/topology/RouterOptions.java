package io.natlab.topology;

import java.time.Duration;
import java.util.Map;

/**
 * Per-router knobs on top of the NAT behaviour.
 *
 * @param unsolicited       reply to unsolicited inbound SYNs ({@code drop} by default)
 * @param hairpin           whether LAN hosts reach each other through the public address
 * @param lossPercent       random packet loss on forwarded packets, 0..100 (iptables statistic)
 * @param latency           added one-way delay (netem; {@link Duration#ZERO} = none)
 * @param jitter            delay variation (netem; {@link Duration#ZERO} = none)
 * @param conntrackTimeouts nf_conntrack_tcp_timeout_* sysctls by suffix, e.g. {@code syn_sent -> 30} (seconds)
 */
public record RouterOptions(UnsolicitedPolicy unsolicited, boolean hairpin, double lossPercent,
                            Duration latency, Duration jitter, Map<String, Integer> conntrackTimeouts) {

    public static RouterOptions defaults() {
        return new RouterOptions(UnsolicitedPolicy.DROP, false, 0.0, Duration.ZERO, Duration.ZERO, Map.of());
    }

    public boolean needsNetem() { return !latency.isZero() || !jitter.isZero(); }
}
