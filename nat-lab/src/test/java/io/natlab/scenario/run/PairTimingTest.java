package io.natlab.scenario.run;

import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PairTimingTest {
    @TempDir Path dir;

    private Scenario scenario(String budget, String latency) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, """
            description: d
            topology:
              sites:
                - {name: home-a, nat: port-restricted-cone, latency: %s, peers: [alice]}
                - {name: home-b, nat: port-restricted-cone, latency: %s, peers: [bob]}
            punches: [{peers: [alice, bob]}]
            budget: %s
            """.formatted(latency, latency, budget));
        return ScenarioLoader.load(f);
    }

    @Test
    void showsConfiguredAndMeasuredRttAndTheBudgetInBothForms() throws Exception {
        Scenario s = scenario("2rtt + 100ms", "20ms");
        PairPlan plan = PairPlan.expand(s).get(0);
        assertThat(PairTiming.describe(s.rttOf("alice", "bob"), List.of(83.0, 84.0, 90.0), s, plan))
            .isEqualTo("configured 80 ms, 84.0 ms measured (median over 3 punched streams); budget 2rtt + 100ms = 260 ms");
    }

    @Test
    void pairsWithoutLatencyOrRelativeBudgetGetNoEntry() throws Exception {
        Scenario s = scenario("3s", "0ms");
        assertThat(PairTiming.withTiming(Map.of("home-a", "x"), s, PairPlan.expand(s).get(0), List.of())).containsOnlyKeys("home-a");
    }
}
