package io.natlab.scenario.run.verdict;

import io.natlab.lab.ExecResult;
import io.natlab.result.ClientStage;
import io.natlab.result.ClientTrace;
import io.natlab.result.FailedAt;
import io.natlab.result.TrialResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Event logs become stages, attempts and phase times; the trial says where it stopped. */
class ClientEventsTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static String log(String... lines) { return String.join("\n", lines) + "\n"; }

    static String at(long ms, String rest) { return T0.plusMillis(ms) + " " + rest; }

    static final String ESTABLISHED_THEN_STREAM_FAILED = log(
        "WARNING: a JVM warning that is not an event",
        at(500, "registered public=198.18.0.3:40001 private=10.1.0.2:40001"),
        at(700, "instructed peer=b public=198.18.0.4:40002 private=10.2.0.2:40002 same-lan=false session=s"),
        at(710, "attempt n=1 target=198.18.0.4:40002 result=timeout"),
        at(900, "attempt n=2 target=198.18.0.4:40002 result=connected"),
        at(950, "established method=connect local=10.1.0.2:40001 remote=198.18.0.4:40002 elapsedMs=250.000"),
        at(9950, "failed error=\"echo: read timed out\""));

    static ClientRun run(String peer, String stderr, String stdout, long endMs, boolean stopped) {
        ExecResult exec = new ExecResult(stdout.contains("direct") ? 0 : 1, stdout, stderr, Duration.ofMillis(endMs));
        return new ClientRun(peer, peer + "-t1", "punch client", exec, ClientReport.parse(stdout, exec.exitCode()),
            Duration.ofSeconds(10), T0, T0.plusMillis(endMs), stopped);
    }

    @Test
    void readsStageAttemptsAndTimesAndIgnoresOtherLines() {
        ClientEvents e = ClientEvents.parse(ESTABLISHED_THEN_STREAM_FAILED);
        assertThat(e.stage()).isEqualTo(ClientStage.ESTABLISHED);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.registered()).isEqualTo(T0.plusMillis(500));
        assertThat(e.lines()).hasSize(7);
        assertThat(ClientEvents.parse("").stage()).isEqualTo(ClientStage.STARTED);
    }

    @Test
    void phasesRunFromLaunchToRegisteredToEstablishedToTheEnd() {
        ClientTrace t = ClientTraces.of(run("a", ESTABLISHED_THEN_STREAM_FAILED,
            "{\"outcome\":\"failed\",\"error\":\"echo: read timed out\",\"attempts\":2}", 10_000, false));
        assertThat(t.phases().registrationMs()).isCloseTo(500, within(0.01));
        assertThat(t.phases().punchMs()).isCloseTo(250, within(0.01));
        assertThat(t.phases().streamMs()).isCloseTo(9000, within(0.01));
        assertThat(t.timeoutMs()).isEqualTo(10_000);
    }

    @Test
    void aStoppedClientsAttemptsComeFromItsLog() {
        String stderr = log(at(500, "registered public=p private=q"), at(700, "instructed peer=b public=p private=q same-lan=false session=s"),
            at(710, "attempt n=1 target=x result=refused"), at(800, "attempt n=2 target=x result=refused"),
            at(900, "attempt n=3 target=x result=refused"));
        ClientRun stopped = run("a", stderr, "", 1000, false)
            .withReport(ClientReport.failure("stopped by the runner after the second client failed"), true);
        ClientTrace t = ClientTraces.of(stopped);
        assertThat(t.attempts()).isEqualTo(3);
        assertThat(t.stoppedByRunner()).isTrue();
        assertThat(t.stage()).isEqualTo(ClientStage.INSTRUCTED);
    }

    @Test
    void bothEstablishedButNoEchoIsAStreamFailureWithBothClientsRecorded() {
        String failedJson = "{\"outcome\":\"failed\",\"error\":\"echo: read timed out\",\"attempts\":2}";
        TrialResult r = TrialAssessment.assess(1, run("a", ESTABLISHED_THEN_STREAM_FAILED, failedJson, 10_000, false),
            run("b", ESTABLISHED_THEN_STREAM_FAILED, failedJson, 10_000, false), 1024, Duration.ofSeconds(5), 10_500);
        assertThat(r.failedAt()).isEqualTo(FailedAt.STREAM);
        assertThat(r.clients()).extracting(ClientTrace::peer).containsExactly("a", "b");
        assertThat(r.attempts()).isEqualTo(4);
        assertThat(r.phases().streamMs()).isCloseTo(9000, within(0.01));
    }

    @Test
    void aSecondClientNeverStartedIsARendezvousFailure() {
        ClientRun a = run("a", log(at(3000, "failed error=\"no registration\"")), "{\"outcome\":\"failed\",\"error\":\"x\"}", 3000, false);
        ClientRun b = ClientRun.notStarted("b", "b-t1", Duration.ofSeconds(10), "not started");
        TrialResult r = TrialAssessment.assess(1, a, b, 1024, Duration.ofSeconds(5), 3500);
        assertThat(r.failedAt()).isEqualTo(FailedAt.RENDEZVOUS);
        assertThat(r.clients().get(1).stage()).isEqualTo(ClientStage.NOT_STARTED);
    }

    @Test
    void failedAtIsTheEarliestPhaseEitherClientMissed() {
        assertThat(TrialAssessment.failedAt(true, true, ClientStage.ESTABLISHED, ClientStage.ESTABLISHED)).isNull();
        assertThat(TrialAssessment.failedAt(true, false, ClientStage.ESTABLISHED, ClientStage.ESTABLISHED)).isEqualTo(FailedAt.BUDGET);
        assertThat(TrialAssessment.failedAt(false, false, ClientStage.ESTABLISHED, ClientStage.INSTRUCTED)).isEqualTo(FailedAt.PUNCH);
        assertThat(TrialAssessment.failedAt(false, false, ClientStage.REGISTERED, ClientStage.ESTABLISHED)).isEqualTo(FailedAt.RENDEZVOUS);
        assertThat(TrialAssessment.failedAt(false, false, ClientStage.ESTABLISHED, ClientStage.ESTABLISHED)).isEqualTo(FailedAt.STREAM);
    }

    @Test
    void longLogsKeepTheirFirstAndLastLines() {
        String stderr = IntStream.rangeClosed(1, 100).mapToObj(i -> at(i, "attempt n=" + i + " target=x result=refused"))
            .collect(Collectors.joining("\n"));
        ClientTrace t = ClientTraces.of(run("a", stderr, "", 1000, false));
        assertThat(t.attempts()).isEqualTo(100);
        assertThat(t.events()).hasSize(ClientTrace.MAX_EVENTS);
        assertThat(t.eventsOmitted()).isEqualTo(100 - ClientTrace.MAX_EVENTS);
        assertThat(t.events().get(t.events().size() - 1)).contains("n=100 ");
    }
}
