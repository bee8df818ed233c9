package io.natlab.topology;

import java.time.Duration;
import java.util.Map;

/**
 * Per-router knobs on top of the NAT behaviour.
 *
 * @param unsolicited       reply to unsolicited inbound SYNs ({@code drop} by default)
 * @param hairpin           whether LAN hosts reach each other through the public address
 * @param lossPercent       random packet loss on forwarded packets, 0..100 (iptables statistic)
 * @param latency           added one-way delay as written ({@code latency:}, both directions; {@link Duration#ZERO} = none)
 * @param jitter            delay variation (both directions; {@link Duration#ZERO} = none)
 * @param conntrackTimeouts nf_conntrack_tcp_timeout_* sysctls by suffix, e.g. {@code syn_sent -> 30} (seconds)
 * @param latencyUp         delay of packets from the LAN towards the internet ({@code latency-up:}, default latency)
 * @param latencyDown       delay of packets from the internet into the LAN ({@code latency-down:}, default latency)
 */
public record RouterOptions(UnsolicitedPolicy unsolicited, boolean hairpin, double lossPercent,
                            Duration latency, Duration jitter, Map<String, Integer> conntrackTimeouts,
                            Duration latencyUp, Duration latencyDown) {

    public RouterOptions {
        if (latencyUp == null) latencyUp = latency;
        if (latencyDown == null) latencyDown = latency;
    }

    /** The same delay in both directions. */
    public RouterOptions(UnsolicitedPolicy unsolicited, boolean hairpin, double lossPercent,
                         Duration latency, Duration jitter, Map<String, Integer> conntrackTimeouts) {
        this(unsolicited, hairpin, lossPercent, latency, jitter, conntrackTimeouts, latency, latency);
    }

    public static RouterOptions defaults() {
        return new RouterOptions(UnsolicitedPolicy.DROP, false, 0.0, Duration.ZERO, Duration.ZERO, Map.of());
    }

    /** The round trip this router adds: up + down. */
    public Duration addedRtt() { return latencyUp.plus(latencyDown); }

    public boolean needsNetem() { return !latencyUp.isZero() || !latencyDown.isZero() || !jitter.isZero(); }
}
