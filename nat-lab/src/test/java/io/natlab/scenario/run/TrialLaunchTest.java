package io.natlab.scenario.run;

import io.natlab.result.ClientTrace;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.scenario.ProcessMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Warm and fresh trials through the runner on a fake lab: who started what, and what the results record. */
class TrialLaunchTest {
    @TempDir Path tmp;
    private final List<FakeLab> labs = new ArrayList<>();

    private ScenarioResult run(Path file, ProcessMode override, Function<FakeLab.ClientCall, String> clients) {
        try (ScenarioRunner r = new ScenarioRunner(t -> { FakeLab l = new FakeLab(t, clients); labs.add(l); return l; },
            (lab, sites) -> Classifications.asClaimed(lab.topology(), sites),
            new RunOptions(tmp.resolve("report"), null, tmp, false).withProcess(override), Progress.QUIET)) {
            ScenarioRun run = r.open(file);
            run.plans().forEach(run::run);
            return run.finish();
        }
    }

    private static List<String> processes(ScenarioResult s) {
        return s.pairs().stream().flatMap(p -> p.trialResults().stream()).flatMap(t -> t.clients().stream())
            .map(ClientTrace::process).distinct().toList();
    }

    @Test
    void warmByDefaultOneAgentPerPeerTakesEveryTrialAndNoClientProcessStarts() throws IOException {
        ScenarioResult s = run(TwoHomeScenario.write(tmp, "warm", "port-restricted-cone", "auto", 3), null,
            c -> ScenarioRunnerTest.DIRECT);
        assertThat(s.passed()).isTrue();
        FakeLab lab = labs.get(0);
        assertThat(lab.agentStarts).containsExactlyInAnyOrder("alice", "bob"); // once per lab, not per trial
        assertThat(lab.calls).hasSize(12); // 2 role orders x 3 trials x 2 clients, all through the agents
        assertThat(processes(s)).containsExactly("warm");
    }

    @Test
    void freshOverrideStartsAProcessPerClientAndSaysSo() throws IOException {
        ScenarioResult s = run(TwoHomeScenario.write(tmp, "fresh", "port-restricted-cone", "auto", 2), ProcessMode.FRESH,
            c -> ScenarioRunnerTest.DIRECT);
        assertThat(s.passed()).isTrue();
        assertThat(labs.get(0).agentStarts).isEmpty();
        assertThat(labs.get(0).calls).hasSize(8);
        assertThat(processes(s)).containsExactly("fresh");
    }

    @Test
    void theScenarioKeyChoosesFresh() throws IOException {
        Path f = TwoHomeScenario.write(tmp, "key", "port-restricted-cone", "auto", 1);
        Files.writeString(f, Files.readString(f) + "process: fresh\n");
        ScenarioResult s = run(f, null, c -> ScenarioRunnerTest.DIRECT);
        assertThat(labs.get(0).agentStarts).isEmpty();
        assertThat(processes(s)).containsExactly("fresh");
    }

    @Test
    void aFailedSecondClientFailsTheTrialWarmAsFresh() throws IOException {
        for (ProcessMode mode : ProcessMode.values()) {
            ScenarioResult s = run(TwoHomeScenario.write(tmp, "fail-" + mode.yamlName(), "port-restricted-cone", "failed", 1),
                mode, c -> c.flag("--id").startsWith("bob") ? ScenarioRunnerTest.FAILED : ScenarioRunnerTest.DIRECT);
            TrialResult t = s.pairs().get(0).trialResults().get(0);
            assertThat(t.outcome()).as(mode.name()).isEqualTo(io.natlab.punch.Outcome.FAILED);
            assertThat(t.error()).contains("timeout");
        }
    }
}
