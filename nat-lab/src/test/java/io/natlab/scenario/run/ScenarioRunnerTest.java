package io.natlab.scenario.run;

import io.natlab.punch.Outcome;
import io.natlab.scenario.run.fidelity.LabClassifier;

import io.natlab.fidelity.NatClassification;
import io.natlab.lab.Lab;
import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.UnsolicitedPolicy;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTest {
    @TempDir Path tmp;

    static final String DIRECT = "{\"outcome\":\"direct\",\"method\":\"connect\",\"elapsedMs\":120.5,\"attempts\":1,"
        + "\"rttMs\":0.4,\"bytesVerified\":1024}";
    static final String FAILED = "{\"outcome\":\"failed\",\"error\":\"timeout\",\"attempts\":3}";

    private final List<FakeLab> started = new ArrayList<>();

    private Path scenario(String name, String natB, String expect) throws IOException {
        return TwoHomeScenario.write(tmp, name, natB, expect, 3);
    }

    /** Labs the fake classifier measured, in order. */
    private final List<Lab> classified = new CopyOnWriteArrayList<>();

    private ScenarioRunner runner(Function<FakeLab.ClientCall, String> clients) {
        return runner(clients, (lab, sites) -> { classified.add(lab); return Classifications.asClaimed(lab.topology(), sites); },
            true, Progress.QUIET);
    }

    private ScenarioRunner runner(Function<FakeLab.ClientCall, String> clients, LabClassifier classifier, boolean classify,
                                  Progress progress) {
        return new ScenarioRunner(t -> { FakeLab l = new FakeLab(t, clients); started.add(l); return l; }, classifier,
            new RunOptions(tmp.resolve("report"), null, tmp, classify), progress);
    }

    private ScenarioResult runAll(ScenarioRunner r, Path file) {
        ScenarioRun run = r.open(file);
        run.plans().forEach(run::run);
        return run.finish();
    }

    @Test
    void expectedDirectThatPunchesPassesWithoutDiagnostics() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.passed()).isTrue();
            assertThat(s.pairs()).hasSize(2); // both role orders
            PairResult p = s.pairs().get(0);
            assertThat(p.first()).isEqualTo("alice");
            assertThat(p.expected()).isEqualTo(Outcome.DIRECT);
            assertThat(p.successes()).isEqualTo(3);
            assertThat(p.p50Ms()).isEqualTo(120.5);
            assertThat(p.methods()).containsEntry("connect", 3);
            assertThat(p.diagnostics()).isNull();
            assertThat(tmp.resolve("report")).doesNotExist();
            assertThat(started).hasSize(1);
            assertThat(started.get(0).resets).isEqualTo(2 + 6); // the negative control (once per pair, each way), the trials
            assertThat(s.pairs()).allSatisfy(pair -> {
                assertThat(pair.control().firstToSecond()).isEqualTo("blocked");
                assertThat(pair.control().secondToFirst()).isEqualTo("blocked");
                assertThat(pair.stability().label()).isEqualTo("stable");
            });
        }
    }

    @Test
    void eachTrialUsesFreshIdsAndPortsAndTheSecondClientPointsAtTheFirst() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            List<FakeLab.ClientCall> calls = started.get(0).calls;
            assertThat(FakeLab.ids(calls)).doesNotHaveDuplicates().hasSize(12).startsWith("alice-t1", "bob-t1");
            assertThat(calls.get(1).flag("--peer")).isEqualTo("alice-t1");
            assertThat(calls.stream().map(c -> c.flag("--local-port")).distinct()).hasSize(12);
            assertThat(calls.get(0).flag("--strategy")).isEqualTo("listen-connect");
            assertThat(calls.get(0).flag("--echo")).isEqualTo("1024");
            assertThat(calls.get(0).flag("--server")).isEqualTo("198.18.0.2:7000");
        }
    }

    @Test
    void unexpectedFailureWritesDiagnosticsAndSaysWhere() throws IOException {
        try (ScenarioRunner r = runner(c -> c.host().equals("bob") ? FAILED : DIRECT)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "direct"));
            assertThat(s.passed()).isFalse();
            PairResult p = s.pairs().get(0);
            assertThat(p.verdict()).isEqualTo(Verdict.UNEXPECTED_FAILURE);
            assertThat(p.diagnostics()).isEqualTo("prc/alice-bob-listen-connect");
            Path trial = tmp.resolve("report/prc/alice-bob-listen-connect/trial-1");
            assertThat(p.message()).contains("0/3", tmp.resolve("report/prc/alice-bob-listen-connect").toString());
            assertThat(trial.resolve("rerun.sh")).content().contains("-Dnatlab.scenarios=" + tmp.resolve("prc.yaml"));
            assertThat(trial.resolve("bob-result.json")).content().contains("timeout");
            assertThat(trial.resolve("alice-stderr.log")).content().contains("event log of alice");
            assertThat(trial.resolve("home-a-wan.pcap")).exists();
            assertThat(trial.resolve("home-b-before.txt")).exists();
            assertThat(trial.resolve("home-b-applied-rules.sh")).content().contains("rules of home-b");
            assertThat(trial.resolve("scenario-resolved.json")).content().contains("\"filtering\"");
            assertThat(trial.resolve("rendezvous.log")).content().contains("registered id=alice-t1");
            assertThat(started.get(0).routerScripts).anyMatch(s2 -> s2.contains("after.txt"));
        }
    }

    @Test
    void expectedFailureThatPunchesIsAnUnexpectedSuccess() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            ScenarioResult s = runAll(r, scenario("sym", "symmetric", "auto"));
            PairResult p = s.pairs().get(0);
            assertThat(p.expected()).isEqualTo(Outcome.FAILED);
            assertThat(p.expectedReason()).startsWith("symmetric-vs-port-restricted");
            assertThat(p.verdict()).isEqualTo(Verdict.UNEXPECTED_SUCCESS);
            assertThat(p.trialResults()).allMatch(t -> t.diagnostics() != null);
        }
    }

    @Test
    void expectedFailureStillKeepsEvidenceOfItsFailedTrialsUpToTheCap() throws IOException {
        try (ScenarioRunner r = runner(c -> FAILED)) {
            Path file = TwoHomeScenario.write(tmp, "sym", "symmetric", "auto", TrialExecutor.MAX_DIAGNOSED_PER_PAIR + 2);
            ScenarioResult s = runAll(r, file);
            assertThat(s.passed()).isTrue();
            PairResult p = s.pairs().get(0);
            assertThat(p.trialResults()).allMatch(t -> t.failedAt() != null);
            assertThat(p.trialResults().stream().filter(t -> t.diagnostics() != null))
                .hasSize(TrialExecutor.MAX_DIAGNOSED_PER_PAIR);
            assertThat(p.diagnostics()).isEqualTo("sym/alice-bob-listen-connect");
            assertThat(tmp.resolve("report/sym/alice-bob-listen-connect/trial-1/README.txt")).exists();
            assertThat(tmp.resolve("report/sym/alice-bob-listen-connect/trial-" + (TrialExecutor.MAX_DIAGNOSED_PER_PAIR + 1)))
                .doesNotExist();
        }
    }

    @Test
    void aLabThatFailsToStartIsAnErrorNotASkip() throws IOException {
        try (ScenarioRunner r = new ScenarioRunner(t -> { throw new IllegalStateException("no docker"); },
            new RunOptions(tmp.resolve("report"), null, tmp), Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.passed()).isFalse();
            assertThat(s.error()).contains("lab failed to start: no docker");
            assertThat(s.pairs()).allMatch(p -> p.verdict() == Verdict.ERROR);
        }
    }

    @Test
    void anInvalidFileIsAFailedScenario() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "description: x\ntopology: {sites: []}\npunches: [{peers: [a, b]}]\n");
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            ScenarioRun run = r.open(bad);
            assertThat(run.loadError()).contains("bad.yaml");
            ScenarioResult s = run.finish();
            assertThat(s.passed()).isFalse();
            assertThat(s.error()).startsWith("invalid scenario file: ");
            assertThat(r.result().scenarios()).hasSize(1);
        }
    }

    @Test
    void identicalTopologiesShareALab() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            runAll(r, scenario("one", "port-restricted-cone", "auto"));
            runAll(r, scenario("two", "port-restricted-cone", "direct"));
            runAll(r, scenario("three", "symmetric", "auto"));
            assertThat(started).hasSize(2);
            ScenarioResult two = r.result().scenarios().get(1);
            assertThat(two.labStartMs()).isZero();
        }
        assertThat(started).allMatch(l -> l.closed);
    }

    @Test
    void repeatMultipliesEachPairsTrialsIntoOneResult() throws IOException {
        try (ScenarioRunner r = new ScenarioRunner(t -> { FakeLab l = new FakeLab(t, c -> DIRECT); started.add(l); return l; },
            new RunOptions(tmp.resolve("report"), null, tmp, false).withRepeat(4), Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.pairs()).hasSize(2).allMatch(p -> p.trials() == 3 * 4 && p.successes() == 12);
        }
    }

    @Test
    void aControlThatConnectsMarksThePairOpenInItsOwnRoleOrderAndRunsOncePerPair() throws IOException {
        java.util.regex.Pattern port = java.util.regex.Pattern.compile("TCP:[0-9.]+:(\\d+)");
        List<String> dials = new CopyOnWriteArrayList<>();
        try (ScenarioRunner r = new ScenarioRunner(t -> {
            FakeLab l = new FakeLab(t, c -> DIRECT);
            l.shell = (host, command) -> {
                if (command.contains(":7104,")) return FakeLab.probeEcho(host, command); // the target opens its mapping
                var m = port.matcher(command);
                if (!command.startsWith("sh -c socat") || !m.find()) return "";
                dials.add(host);
                // Only alice's dial to bob's public address reaches bob's listener (bob behind a full cone).
                return host.equals("alice") ? "natlab-control-" + m.group(1) + "\n" : "socat: Connection timed out";
            };
            started.add(l);
            return l;
        }, new RunOptions(tmp.resolve("report"), null, tmp, false), Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("fc", "full-cone", "auto"));
            assertThat(dials).containsExactlyInAnyOrder("alice", "bob"); // once per pair of peers, both orders share it
            PairResult aliceFirst = s.pairs().stream().filter(p -> p.first().equals("alice")).findFirst().orElseThrow();
            PairResult bobFirst = s.pairs().stream().filter(p -> p.first().equals("bob")).findFirst().orElseThrow();
            assertThat(aliceFirst.control().firstToSecond()).isEqualTo("connected");
            assertThat(aliceFirst.control().secondToFirst()).isEqualTo("blocked");
            assertThat(bobFirst.control().secondToFirst()).isEqualTo("connected");
            assertThat(bobFirst.control().open()).isTrue();
            assertThat(aliceFirst.control().detail()).contains("alice -> bob at 198.18.0.10:").contains("as probe-1 saw it")
                .contains("timed out");
        }
    }

    @Test
    void controlsSwitchedOffLeaveTheLabAloneAndRecordNone() throws IOException {
        System.setProperty(io.natlab.scenario.run.control.NegativeControls.PROPERTY, "false");
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.pairs()).allMatch(p -> p.control() == null);
            assertThat(started.get(0).resets).isEqualTo(6); // the trials' own
        } finally {
            System.clearProperty(io.natlab.scenario.run.control.NegativeControls.PROPERTY);
        }
    }

    @Test
    void trialsOverrideApplies() throws IOException {
        try (ScenarioRunner r = new ScenarioRunner(t -> { FakeLab l = new FakeLab(t, c -> DIRECT); started.add(l); return l; },
            new RunOptions(tmp.resolve("report"), 1, tmp, false), Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.pairs()).allMatch(p -> p.trials() == 1);
        }
    }

    @Test
    void eachPairShowsTheMeasuredClassificationOfBothPathsAndEachLabIsMeasuredOnce() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT)) {
            ScenarioResult one = runAll(r, scenario("one", "port-restricted-cone", "auto"));
            runAll(r, scenario("two", "port-restricted-cone", "direct")); // same topology: the lab is reused
            assertThat(started).hasSize(1);
            assertThat(classified).containsExactly(started.get(0));
            PairResult p = one.pairs().get(0);
            assertThat(p.classification()).containsOnlyKeys("home-a", "home-b");
            assertThat(p.classification().get("home-b")).contains("filtering=address-and-port-dependent").doesNotContain("DIFFERS");
            assertThat(p.message()).doesNotContain("FIDELITY");
            // The reused lab still reports what it measured.
            assertThat(r.result().scenarios().get(1).pairs().get(0).classification()).isEqualTo(p.classification());
        }
    }

    @Test
    void aLabThatContradictsItsClaimIsAWarningNextToTheVerdictNotAVerdict() throws IOException {
        NatClassification leaky = new NatClassification(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, null,
            Filtering.ENDPOINT_INDEPENDENT, UnsolicitedPolicy.DROP, null, List.of());
        List<String> warned = new CopyOnWriteArrayList<>();
        Progress progress = new Progress() {
            @Override public void labClassified(String scenario, double ms, List<String> problems) {
                problems.forEach(p -> warned.add(scenario + " " + p));
            }
        };
        LabClassifier homeBLeaks = (lab, sites) -> {
            var m = Classifications.asClaimed(lab.topology(), sites);
            m.put("home-b", leaky);
            return m;
        };
        try (ScenarioRunner r = runner(c -> DIRECT, homeBLeaks, true, progress)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.passed()).isTrue();
            PairResult p = s.pairs().get(0);
            assertThat(p.verdict()).isEqualTo(Verdict.PASS);
            assertThat(p.message()).contains("LAB FIDELITY WARNING",
                "home-b: filtering: claimed address-and-port-dependent, measured endpoint-independent");
            assertThat(p.classification().get("home-b")).contains("DIFFERS FROM CLAIM");
            assertThat(warned).containsExactly(
                "prc home-b: filtering: claimed address-and-port-dependent, measured endpoint-independent");
        }
    }

    @Test
    void aClassifierThatFailsLeavesVerdictsAloneAndSaysWhy() throws IOException {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        try (ScenarioRunner r = runner(c -> DIRECT, (lab, sites) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("probe-1 gone\n  socat output");
        }, true, Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.passed()).isTrue();
            assertThat(s.pairs().get(0).classification())
                .containsEntry("home-a", "not measured: 3 attempts, last: probe-1 gone socat output");
        }
        assertThat(attempts).hasValue(ScenarioRunner.CLASSIFY_ATTEMPTS);
    }

    @Test
    void aProbeLostOnALossyLinkIsMeasuredAgain() throws IOException {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        try (ScenarioRunner r = runner(c -> DIRECT, (lab, sites) -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("connect timed out");
            return Classifications.asClaimed(lab.topology(), sites);
        }, true, Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(s.pairs().get(0).classification().get("home-a")).startsWith("mapping=endpoint-independent");
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void classificationCanBeSkipped() throws IOException {
        try (ScenarioRunner r = runner(c -> DIRECT, (lab, sites) -> { classified.add(lab); return Map.of(); }, false,
            Progress.QUIET)) {
            ScenarioResult s = runAll(r, scenario("prc", "port-restricted-cone", "auto"));
            assertThat(classified).isEmpty();
            assertThat(s.pairs()).allMatch(p -> p.classification().isEmpty());
        }
    }
}
