package io.natlab.nat;

import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** latency-up / latency-down: each backend delays each direction by its own value (eth1 is the WAN, eth0 the LAN). */
class AsymmetricLatencyTest {
    private final RouterContext ctx = Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(),
        new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ofMillis(20), Duration.ofMillis(2), Map.of(),
            Duration.ofMillis(5), Duration.ofMillis(60)));

    @Test void netemDelaysTheWanEgressByUpAndTheLanEgressByDown() {
        assertThat(RouterRuleCompiler.applyScript(ctx, DelayBackend.NETEM)).contains(
            "tc qdisc replace dev eth1 root netem delay 5ms 2ms", "tc qdisc replace dev eth0 root netem delay 60ms 2ms");
    }

    @Test void theDelayerHoldsWanArrivalsForDownAndLanArrivalsForUp() {
        assertThat(RouterRuleCompiler.applyScript(ctx, DelayBackend.NFQUEUE)).contains(
            "--queue 1 --delay-us 60000 --jitter-us 2000", "--queue 2 --delay-us 5000 --jitter-us 2000",
            "iptables -t raw -A NATLAB-DELAY -i eth1 -j NFQUEUE --queue-num 1");
    }

    @Test void withoutOverridesBothDirectionsTakeLatency() {
        RouterOptions o = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ofMillis(20), Duration.ZERO, Map.of());
        assertThat(o.latencyUp()).isEqualTo(o.latencyDown()).isEqualTo(Duration.ofMillis(20));
        assertThat(o.addedRtt()).isEqualTo(Duration.ofMillis(40));
    }
}
