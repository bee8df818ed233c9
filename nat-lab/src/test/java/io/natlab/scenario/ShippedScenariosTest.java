package io.natlab.scenario;

import io.natlab.scenario.run.PairPlan;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped scenario loads, describes itself in one line, and has its expectations resolved. No Docker. */
class ShippedScenariosTest {
    static final Path DIR = Path.of("..", "scenarios"); // surefire runs in the module directory

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachShippedScenarioLoads() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario s = ScenarioLoader.load(f);
            assertThat(s.description()).isNotBlank().doesNotContain("\n");
            List<PairPlan> plans = PairPlan.expand(s);
            assertThat(plans).isNotEmpty();
            plans.forEach(p -> assertThat(p.expected().reason()).isNotBlank());
        }));
    }

    @Test
    void theMatrixCoversAllFifteenTypePairsInBothOrders() throws IOException {
        Scenario m = ScenarioLoader.load(DIR.resolve("matrix-drop.yaml"));
        List<PairPlan> plans = PairPlan.expand(m);
        assertThat(plans).hasSize(30);
        assertThat(plans.stream().map(p -> p.firstNat() + " x " + p.secondNat()).distinct()).hasSize(25);
    }
}
