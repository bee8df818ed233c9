package io.natlab.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code skew:} at the top level and per punch entry, and its errors. */
class SkewYamlTest {
    private static final String BASE = """
        description: test
        topology:
          sites:
            - {name: home-a, nat: port-restricted-cone, peers: [alice]}
            - {name: home-b, nat: port-restricted-cone, peers: [bob]}
            - {name: home-c, nat: port-restricted-cone, peers: [carol]}
        punches:
          - peers: [alice, bob]
          - peers: [alice, carol]
            skew: [1s]
        """;

    @Test
    void topLevelSkewsApplyToPairsWithoutTheirOwn() {
        Scenario s = ScenarioLoaderTest.parse(BASE + "skew: [0ms, 50ms, 200ms]\n");
        assertThat(s.skews()).containsExactly(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(200));
        assertThat(s.punches().get(0).skews()).isEmpty();
        assertThat(s.punches().get(1).skews()).containsExactly(Duration.ofSeconds(1));
        assertThat(s.maxSkew()).isEqualTo(Duration.ofSeconds(1));
        assertThat(io.natlab.scenario.run.PairPlan.expand(s)).extracting(p -> p.first() + "-" + p.second() + "@" + p.skew().toMillis())
            .containsExactly("alice-bob@0", "alice-bob@50", "alice-bob@200", "bob-alice@0", "bob-alice@50", "bob-alice@200",
                "alice-carol@1000", "carol-alice@1000");
    }

    @Test
    void withoutSkewEveryPairRunsOnceAtZero() {
        Scenario s = ScenarioLoaderTest.parse(BASE);
        assertThat(s.skews()).containsExactly(Duration.ZERO);
    }

    @Test
    void badSkewsAreNamedWithTheirPlace() {
        List<String> errors = ScenarioLoaderTest.errors(BASE + "skew: [0ms, 61s, 0ms, soon, 1.5ms]\n");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("skew[1]: must be whole milliseconds from 0ms to 60s, got 61000 ms"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("skew[2]: 0 ms is listed twice"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("skew[3]:"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("skew[4]: must be whole milliseconds"));
        assertThat(ScenarioLoaderTest.errors(BASE + "skew: []\n")).singleElement().asString().contains("skew: needs at least one");
        assertThat(ScenarioLoaderTest.errors(BASE + "skew: 50ms\n")).singleElement().asString().contains("skew: expected a list");
    }
}
