package io.natlab.scenario;

import io.natlab.fidelity.PathDelay;
import io.natlab.topology.RouterOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** latency-up / latency-down in YAML, and what the pair's RTT and the fidelity claim make of them. */
class AsymmetricLatencyYamlTest {
    private static String scenario(String siteA) {
        return "description: test\ntopology:\n  sites:\n"
            + "    - {name: home-a, nat: port-restricted-cone, " + siteA + ", peers: [alice]}\n"
            + "    - {name: home-b, nat: port-restricted-cone, latency: 20ms, peers: [bob]}\n"
            + "punches:\n  - peers: [alice, bob]\nbudget: 2rtt + 100ms\n";
    }

    @Test void eachDirectionOverridesLatencyAndTheRttSumsBoth() {
        Scenario s = ScenarioLoaderTest.parse(scenario("latency: 10ms, latency-down: 60ms"));
        RouterOptions a = s.topology().sites().get(0).router();
        assertThat(a.latencyUp()).isEqualTo(Duration.ofMillis(10));
        assertThat(a.latencyDown()).isEqualTo(Duration.ofMillis(60));
        assertThat(s.rttOf("alice", "bob")).isEqualTo(Duration.ofMillis(70 + 40));
        assertThat(s.budgetFor("alice", "bob")).isEqualTo(Duration.ofMillis(2 * 110 + 100));
        assertThat(PathDelay.claimFor(List.of(s.topology().sites().get(0)), List.of(), "nfqueue").claimedRttMs()).isEqualTo(70.0);
    }

    @Test void upAloneLeavesDownAtZeroAndJitterMustFitTheSmallerDirection() {
        Scenario s = ScenarioLoaderTest.parse(scenario("latency-up: 300ms"));
        assertThat(s.topology().sites().get(0).router().addedRtt()).isEqualTo(Duration.ofMillis(300));
        assertThat(ScenarioLoaderTest.errors(scenario("latency: 20ms, latency-up: 5ms, jitter: 10ms")))
            .singleElement().asString().contains("jitter: jitter 10ms exceeds latency 5ms");
        assertThat(ScenarioLoaderTest.errors(scenario("latency-up: 20ms, jitter: 1ms")))
            .singleElement().asString().contains("jitter needs latency (the delay varies around it)");
    }
}
