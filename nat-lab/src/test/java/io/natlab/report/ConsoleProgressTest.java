package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.punch.Method;
import io.natlab.scenario.run.Progress;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    private ConsoleProgress progress(boolean colour) {
        return new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), colour, nanos::get);
    }

    private List<String> lines() { return bytes.toString(StandardCharsets.UTF_8).lines().toList(); }

    @Test
    void printsOnePlainLinePerEventWithTheRunsElapsedTime() {
        ConsoleProgress p = progress(false);
        p.runStarted(27);
        p.scenarioStarted("prc-x-prc", 3, 27);
        nanos.addAndGet(3_000_000_000L);
        p.labStarted("prc-x-prc", 2400);
        nanos.addAndGet(62_000_000_000L);
        p.trialDone("prc-x-prc", "alice", "bob", "listen-connect",
                new TrialResult(1, Outcome.DIRECT, Method.CONNECT, 12.3, 1, 0.2, 65536, true, null, 1800, null), 5);
        p.trialDone("prc-x-prc", "alice", "bob", "listen-connect",
                new TrialResult(2, Outcome.FAILED, null, null, 6, null, 0, false, "alice: timeout\nafter 6s", 6000, null), 5);
        var pair = Pairs.pair("port-restricted-cone", "port-restricted-cone", "drop", "listen-connect",
                Verdict.UNEXPECTED_FAILURE, 12.3, null);
        p.pairDone("prc-x-prc", pair);
        p.scenarioDone(new ScenarioResult("prc-x-prc", "f", "d", 2400, 29_800, List.of(pair), null, "r"));
        p.scenarioDone(new ScenarioResult("broken", "f", "d", 0, 1, List.of(), "lab failed to start", "r"));

        assertThat(lines()).containsExactly(
                "[00:00] running 27 scenarios",
                "[00:00] scenario 3/27 prc-x-prc",
                "[00:03] prc-x-prc: lab up in 2.4 s",
                "[01:05] prc-x-prc: alice → bob listen-connect trial 1/5 ✔ 12 ms",
                "[01:05] prc-x-prc: alice → bob listen-connect trial 2/5 ✘ failed: alice: timeout after 6s",
                "[01:05] prc-x-prc: alice → bob listen-connect ⚠ unexpected failure: 1/2 direct (50%, 95% CI 9–91%), "
                        + "p50 12 ms, expected direct, diagnostics s/alice-bob",
                "[01:05] ✘ prc-x-prc done in 29.8 s: 0/1 pairs pass",
                "[01:05] ✘ broken error: lab failed to start");
    }

    @Test
    void aClassifiedLabIsOneLineAndEachFidelityProblemItsOwn() {
        ConsoleProgress p = progress(false);
        p.labClassified("prc", 4100, List.of());
        p.labClassified("cgn", 3900, List.of("home-a behind cgn: filtering: claimed address-and-port-dependent, measured endpoint-independent"));
        assertThat(lines()).containsExactly(
                "[00:00] prc: lab classified in 4.1 s, every measured NAT property as claimed",
                "[00:00] cgn: ⚠ lab fidelity (classified in 3.9 s):",
                "[00:00] cgn:   home-a behind cgn: filtering: claimed address-and-port-dependent, measured endpoint-independent");
    }

    @Test
    void saysWhenALabWasReusedAndMarksATrialOverBudgetAsAFailure() {
        ConsoleProgress p = progress(false);
        p.labStarted("s", 0);
        p.trialDone("s", "a", "b", "connect-only", new TrialResult(1, Outcome.DIRECT, Method.ACCEPT, 4200.0, 3, 0.2, 1, false, null, 1, null), 5);
        assertThat(lines()).containsExactly("[00:00] s: lab reused", "[00:00] s: a → b connect-only trial 1/5 ✘ over budget: direct in 4.2 s");
    }

    @Test
    void longReasonsAreShortenedAtAWordBoundary() {
        String reason = "no authenticated stream to bob within the deadline (6000 ms, 212 attempts: refused=200, timeout=12)";
        ConsoleProgress p = progress(false);
        p.trialDone("s", "a", "b", "listen-connect", new TrialResult(1, Outcome.FAILED, null, null, 212, null, 0, false, reason, 1, null), 5);
        String shown = lines().get(0).substring(lines().get(0).indexOf("failed: ") + "failed: ".length());
        assertThat(shown).endsWith("…").hasSizeLessThanOrEqualTo(ConsoleProgress.REASON_CHARS);
        String kept = shown.substring(0, shown.length() - 1);
        assertThat(reason).startsWith(kept);
        assertThat(reason.charAt(kept.length())).as("cut before a space, not inside a word").isEqualTo(' ');
    }

    @Test
    void shorteningKeepsShortTextAndCutsAnEndlessWord() {
        assertThat(ConsoleProgress.shorten("short\n reason", 90)).isEqualTo("short reason");
        assertThat(ConsoleProgress.shorten("alpha beta gamma", 12)).isEqualTo("alpha beta…");
        assertThat(ConsoleProgress.shorten("x".repeat(30), 10)).isEqualTo("x".repeat(9) + "…");
    }

    @Test
    void colourOnlyWhenAsked() {
        progress(false).scenarioDone(new ScenarioResult("s", "f", "d", 0, 1, List.of(), null, null));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
        bytes.reset();
        progress(true).scenarioDone(new ScenarioResult("s", "f", "d", 0, 1, List.of(), null, null));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\u001b[32m✔\u001b[0m");
    }

    @Test
    void quietProgressDoesNothing() {
        Progress.QUIET.scenarioStarted("s", 1, 1);
        Progress.QUIET.labStarted("s", 1);
        assertThat(bytes.size()).isZero();
    }
}
