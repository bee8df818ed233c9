package io.natlab.conformance;

import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;
import io.natlab.lab.ExecResult;
import io.natlab.scenario.run.verdict.ClientReport;
import io.natlab.scenario.run.verdict.ClientRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The battery's judgements on scripted processes: one clear line per violation, never an exception. */
class ConformanceBatteryTest {
    private static final String DIRECT = "{\"outcome\":\"direct\",\"method\":\"connect\",\"local\":\"10.0.0.10:40000\","
        + "\"remote\":\"198.18.0.100:40001\",\"elapsedMs\":12.5,\"attempts\":3,\"rttMs\":1.2,\"bytesVerified\":65531}";
    private static final Implementation IMPL = new Implementation("fake", java.nio.file.Path.of("/x"), null,
        List.of("fake"), java.util.Set.of(), null);

    /** A lab whose processes print what the test says. */
    private static final class ScriptedLab implements ConformanceLab {
        String punchStdout = DIRECT;
        int punchExit = 0;
        BiFunction<PeerContract, Duration, ExecResult> alone;
        final List<PeerContract> contracts = new ArrayList<>();

        @Override public int echoBytes() { return 65531; }
        @Override public String server() { return "198.18.0.2:7000"; }
        @Override public String token() { return "t"; }

        @Override public Punch punch(Implementation impl, boolean implFirst) {
            return new Punch(run("impl", punchStdout, punchExit), run("ref", DIRECT, 0), null);
        }

        @Override public ExecResult alone(Implementation impl, PeerContract contract, Duration limit) {
            contracts.add(contract);
            return alone.apply(contract, limit);
        }

        private static ClientRun run(String peer, String stdout, int exit) {
            ExecResult r = new ExecResult(exit, stdout + "\n", "", Duration.ofMillis(900));
            return new ClientRun(peer, peer + "-t1", "cmd", r, ClientReport.parse(stdout, exit), Duration.ofSeconds(8),
                Instant.now(), Instant.now(), false);
        }
    }

    private static ExecResult failed(String error, int exit, long ms) {
        return new ExecResult(exit, "{\"outcome\":\"failed\",\"attempts\":0,\"bytesVerified\":0,\"error\":\"" + error + "\"}\n",
            "", Duration.ofMillis(ms));
    }

    @Test
    void aConformingImplementationPassesEveryCheck() {
        ScriptedLab lab = new ScriptedLab();
        lab.alone = (c, limit) -> c.token().endsWith("-wrong") ? failed("rendezvous: BAD_TOKEN no", 1, 300)
            : failed("timeout: deadline passed", 1, 3050);
        List<CheckResult> results = new ConformanceBattery(lab).run(IMPL, r -> { });
        assertThat(results).extracting(CheckResult::name)
            .containsExactly("punch-as-first", "punch-as-second", "echo", "absent-peer", "wrong-token");
        assertThat(results).allMatch(CheckResult::passed);
        assertThat(lab.contracts).extracting(PeerContract::token).containsExactly("t", "t-wrong");
    }

    @Test
    void eachViolationGetsItsOwnSentence() {
        ScriptedLab lab = new ScriptedLab();
        lab.punchStdout = "hello from my puncher";
        lab.alone = (c, limit) -> c.token().endsWith("-wrong") ? failed("rendezvous: BAD_TOKEN no", 0, 300)
            : new ExecResult(-1, "", "", limit);
        List<CheckResult> results = new ConformanceBattery(lab).run(IMPL, r -> { });
        assertThat(results).noneMatch(CheckResult::passed);
        assertThat(results.get(0).message()).isEqualTo("stdout is not JSON: 'hello from my puncher'");
        assertThat(results.get(2).message()).isEqualTo("no trial punched, so the echo could not be checked");
        assertThat(results.get(3).message()).startsWith("did not exit by itself: killed after 8000 ms (deadline 3000 ms + 2000 ms slack)");
        assertThat(results.get(4).message()).isEqualTo("exit code 0 but outcome 'failed' (the contract says 1)");
        assertThat(results.get(4).line()).startsWith("FAIL  wrong-token ");
    }

    @Test
    void givingUpAtOnceAndAWrongErrorPrefixAreViolations() {
        ScriptedLab lab = new ScriptedLab();
        lab.alone = (c, limit) -> c.token().endsWith("-wrong") ? failed("bad token", 1, 300) : failed("timeout: no", 1, 20);
        List<CheckResult> results = new ConformanceBattery(lab).run(IMPL, r -> { });
        assertThat(results.get(3).message()).isEqualTo(
            "gave up after 20 ms of its 3000 ms deadline: it must wait for the peer until the deadline");
        assertThat(results.get(4).message()).isEqualTo("error must start with 'rendezvous:' when the server refuses it, got 'bad token'");
    }

    @Test
    void aLabFailureIsAFailLineNotAnException() {
        ScriptedLab lab = new ScriptedLab();
        lab.alone = (c, limit) -> { throw new IllegalStateException("container impl is not running"); };
        List<CheckResult> results = new ConformanceBattery(lab).run(IMPL, r -> { });
        assertThat(results.get(3)).isEqualTo(CheckResult.fail("absent-peer", "could not run: container impl is not running"));
    }
}
