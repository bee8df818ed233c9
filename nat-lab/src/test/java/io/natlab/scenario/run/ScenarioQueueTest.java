package io.natlab.scenario.run;

import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioQueueTest {
    @TempDir Path tmp;

    private final List<String> startedInOrder = new CopyOnWriteArrayList<>();
    private final Progress progress = new Progress() {
        @Override public void scenarioStarted(String scenario, int index, int total) { startedInOrder.add(scenario); }
    };

    private Path scenario(String name, String natB) throws IOException {
        return TwoHomeScenario.write(tmp, name, natB, "auto", 2);
    }

    private ScenarioRunner runner(LabFactory labs) {
        return new ScenarioRunner(labs, (lab, sites) -> Classifications.asClaimed(lab.topology(), sites),
            new RunOptions(tmp.resolve("report"), null, tmp, true), progress);
    }

    private static LabFactory fakeLabs() {
        return t -> new FakeLab(t, c -> ScenarioRunnerTest.DIRECT);
    }

    @Test
    void everyPairGetsItsOwnFutureAndEveryScenarioIsRecordedOnce() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "description: x\ntopology: {sites: []}\npunches: [{peers: [a, b]}]\n");
        try (ScenarioRunner r = runner(fakeLabs()); ScenarioQueue q = new ScenarioQueue(r, 2)) {
            List<ScenarioQueue.Scheduled> s = q.submitAll(List.of(scenario("prc", "port-restricted-cone"), bad));
            assertThat(s.get(0).run().scenario().name()).isEqualTo("prc"); // file order, whatever runs first
            assertThat(s.get(0).pairs()).hasSize(2);
            List<PairResult> pairs = s.get(0).pairs().stream().map(CompletableFuture::join).toList();
            assertThat(pairs).extracting(PairResult::first).containsExactly("alice", "bob");
            assertThat(pairs).allMatch(p -> p.verdict() == Verdict.PASS && !p.classification().isEmpty());
            assertThat(s.get(1).pairs()).isEmpty();
            assertThat(s.get(1).finished().join().error()).startsWith("invalid scenario file: ");

            List<ScenarioResult> all = q.awaitAll();
            assertThat(all).extracting(ScenarioResult::name).containsExactly("prc", "bad");
            assertThat(r.result().scenarios()).hasSize(2);
        }
    }

    @Test
    void scenariosRunConcurrentlyUpToTheLimit() throws Exception {
        CountDownLatch bothStarting = new CountDownLatch(2);
        List<Boolean> metTheOther = new CopyOnWriteArrayList<>();
        LabFactory meetingLabs = t -> {
            bothStarting.countDown(); // each scenario's lab start waits until the other's has begun too
            metTheOther.add(bothStarting.await(20, TimeUnit.SECONDS));
            return new FakeLab(t, c -> ScenarioRunnerTest.DIRECT);
        };
        try (ScenarioRunner r = runner(meetingLabs); ScenarioQueue q = new ScenarioQueue(r, 2)) {
            q.submitAll(List.of(scenario("one", "port-restricted-cone"), scenario("two", "full-cone")));
            assertThat(q.awaitAll()).allMatch(ScenarioResult::passed);
        }
        assertThat(metTheOther).containsExactly(true, true);
    }

    @Test
    void theLongestScenarioStartsFirst() throws IOException {
        // prc x symmetric is expected to fail: every trial waits out the client timeout.
        try (ScenarioRunner r = runner(t -> new FakeLab(t, c -> ScenarioRunnerTest.FAILED));
             ScenarioQueue q = new ScenarioQueue(r, 1)) {
            List<ScenarioQueue.Scheduled> s = q.submitAll(List.of(scenario("quick", "port-restricted-cone"),
                scenario("slow", "symmetric")));
            assertThat(ScenarioQueue.estimatedMs(s.get(1).run())).isGreaterThan(ScenarioQueue.estimatedMs(s.get(0).run()));
            q.awaitAll();
        }
        assertThat(startedInOrder).containsExactly("slow", "quick");
    }

    @Test
    void aLabThatDoesNotStartGivesErrorVerdictsNotHangingTests() throws IOException {
        try (ScenarioRunner r = runner(t -> { throw new IllegalStateException("no docker"); });
             ScenarioQueue q = new ScenarioQueue(r, 2)) {
            ScenarioQueue.Scheduled s = q.submitAll(List.of(scenario("prc", "port-restricted-cone"))).get(0);
            assertThat(s.pairs()).allMatch(p -> p.join().verdict() == Verdict.ERROR);
            assertThat(s.finished().join().error()).contains("no docker");
        }
    }

    @Test
    void closingStopsScenariosThatHaveNotRun() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScenarioRunner r = runner(t -> { never.await(); return null; })) {
            ScenarioQueue q = new ScenarioQueue(r, 1);
            List<ScenarioQueue.Scheduled> s = q.submitAll(List.of(scenario("stuck", "symmetric"),
                scenario("waiting", "port-restricted-cone")));
            q.close();
            ScenarioQueue.Scheduled waiting = s.stream().filter(x -> x.run().scenario().name().equals("waiting")).findFirst().orElseThrow();
            assertThat(waiting.finished()).isCompletedExceptionally();
            assertThat(waiting.pairs()).allMatch(CompletableFuture::isCompletedExceptionally);
        }
    }
}
