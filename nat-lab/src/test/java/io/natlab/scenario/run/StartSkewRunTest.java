package io.natlab.scenario.run;

import io.natlab.lab.PunchCommand;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.run.fidelity.LabClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A skew sweep through the runner on a fake lab: one cell per skew, the server told, deadlines and ttp shifted. */
class StartSkewRunTest {
    @TempDir Path tmp;

    /** The first client reports 320.5 ms (it waited out the skew), the second 100 ms. */
    private static String client(FakeLab.ClientCall c) {
        double elapsed = c.flag("--id").startsWith("alice") ? 320.5 : 100;
        return "{\"outcome\":\"direct\",\"method\":\"connect\",\"elapsedMs\":" + elapsed
            + ",\"attempts\":1,\"rttMs\":0.4,\"bytesVerified\":1024}";
    }

    @Test
    void everySkewIsItsOwnPairAndTheServerHoldsBackTheSecondStart() throws Exception {
        Path f = Files.writeString(tmp.resolve("skew.yaml"), """
            description: skew test
            topology:
              sites:
                - {name: home-a, nat: port-restricted-cone, peers: [alice]}
                - {name: home-b, nat: port-restricted-cone, peers: [bob]}
            punches:
              - peers: [alice, bob]
                both-orders: false
            skew: [0ms, 200ms]
            budget: 1s
            timeout: 5s
            trials: 2
            echo-bytes: 1024
            process: fresh
            """);
        List<FakeLab> labs = new ArrayList<>();
        try (ScenarioRunner r = new ScenarioRunner(t -> { FakeLab l = new FakeLab(t, StartSkewRunTest::client); labs.add(l); return l; },
                LabClassifier.MEASURE, new RunOptions(tmp.resolve("report"), null, tmp, false), Progress.QUIET)) {
            ScenarioRun run = r.open(f);
            assertThat(run.plans()).extracting(PairPlan::displayName).containsExactly(
                "alice(port-restricted-cone) → bob(port-restricted-cone) [listen-connect]",
                "alice(port-restricted-cone) → bob(port-restricted-cone) [listen-connect, skew 200 ms]");
            run.plans().forEach(run::run);
            ScenarioResult s = run.finish();
            assertThat(s.pairs()).extracting(p -> p.conditions().skewMs()).containsExactly(0L, 200L);
            assertThat(s.pairs()).allMatch(p -> p.successes() == 2);
            PairResult unskewed = s.pairs().get(0), skewed = s.pairs().get(1);
            assertThat(unskewed.p50Ms()).isEqualTo(320.5);
            assertThat(skewed.p50Ms()).isEqualTo(120.5); // from the later START: 320.5 - 200
            assertThat(skewed.conditions().label()).isEqualTo("skew 200 ms");

            FakeLab lab = labs.get(0);
            // Only the skewed trials (3 and 4) told the server, each about its own second client.
            assertThat(lab.rendezvousExecs).hasSize(2);
            assertThat(lab.rendezvousExecs).allSatisfy(cmd -> assertThat(cmd).endsWith(PunchCommand.START_DELAYS_FILE));
            assertThat(lab.rendezvousExecs).extracting(cmd -> cmd.get(cmd.size() - 2)).containsExactly("bob-t3 200", "bob-t4 200");
            // Both deadlines grow by the skew: second 5000 + 200, first 5000 + 8000 + 200.
            assertThat(lab.calls).extracting(c -> c.flag("--id") + " " + c.flag("--timeout")).containsExactly(
                "alice-t1 13000ms", "bob-t1 5000ms", "alice-t2 13000ms", "bob-t2 5000ms",
                "alice-t3 13200ms", "bob-t3 5200ms", "alice-t4 13200ms", "bob-t4 5200ms");
        }
    }

    @Test
    void theDelayLineIsCheckedWhereItLeavesForTheShell() {
        assertThat(StartSkew.line("bob-t3", Duration.ofMillis(1000))).isEqualTo("bob-t3 1000");
        assertThatThrownBy(() -> StartSkew.line("bob t3", Duration.ofMillis(5))).hasMessageContaining("not a client id");
        assertThatThrownBy(() -> StartSkew.line("bob", Duration.ofSeconds(61))).hasMessageContaining("0..60000");
        assertThatThrownBy(() -> StartSkew.line("bob", Duration.ofNanos(1_500_000))).hasMessageContaining("whole ms");
    }
}
