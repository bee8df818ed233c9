package io.natlab.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardCostTest {
    private static final Path DIR = Path.of("..", "scenarios");

    @Test
    void estimatesGrowWithTrialsAndMeasuredWallTimesWin() throws Exception {
        Scenario matrix = ScenarioLoader.load(DIR.resolve("matrix-drop.yaml"));
        double few = ShardCost.estimated().seconds(matrix.withTrials(1));
        double many = ShardCost.estimated().seconds(matrix.withTrials(10));
        assertThat(few).isGreaterThan(ShardCost.LAB_START_SECONDS);
        assertThat(many).isGreaterThan(few * 5);

        RunResult earlier = new RunResult(RunResult.SCHEMA_VERSION, "2026-01-01T00:00:00Z", 1, "h", List.of(
                new ScenarioResult(matrix.name(), "f", "d", 0, 42_000, List.of(), null, "r")));
        assertThat(ShardCost.measuredBy(earlier).seconds(matrix)).isEqualTo(42.0);
    }
}
