package io.natlab.scenario.run.launch;

import io.natlab.lab.ExecResult;
import io.natlab.lab.ExecStream;
import io.natlab.lab.HostRole;
import io.natlab.lab.LabHost;
import io.natlab.scenario.ProcessMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** No idle waiting (a failed side stops the other at once), agent replies, and an agent that dies. */
class TrialClientsTest {
    static final String DIRECT = "{\"outcome\":\"direct\",\"method\":\"connect\",\"elapsedMs\":3.5,\"attempts\":1,"
        + "\"rttMs\":0.2,\"bytesVerified\":16}";
    static final String FAILED = "{\"outcome\":\"failed\",\"error\":\"connection refused\",\"attempts\":0}";

    /** A client that ends when told to, or when stopped. */
    static final class Scripted implements ClientProcess {
        final CompletableFuture<ExecResult> done = new CompletableFuture<>();
        final boolean registers;
        volatile boolean stopped;

        Scripted(boolean registers) { this.registers = registers; }

        void end(String json) { done.complete(new ExecResult(json.contains("direct") ? 0 : 1, json, "", Duration.ZERO)); }

        @Override public ProcessMode mode() { return ProcessMode.WARM; }
        @Override public String command() { return "punch client"; }
        @Override public Instant launched() { return Instant.now(); }
        @Override public Instant ended() { return done.isDone() ? Instant.now() : null; }
        @Override public boolean awaitRegistered(Duration max) { return registers; }
        @Override public CompletableFuture<ExecResult> done() { return done; }
        @Override public void stop() {
            stopped = true;
            done.complete(new ExecResult(1, "{\"outcome\":\"failed\",\"error\":\"stopped on request\"}", "", Duration.ZERO));
        }
    }

    private static TrialClients.Side side(String peer, ClientProcess p) {
        return new TrialClients.Side(peer, peer + "-t1", Duration.ofSeconds(60), () -> p);
    }

    @Test
    void aFirstClientThatFailsStopsTheSecondAtOnce() {
        Scripted a = new Scripted(true), b = new Scripted(true);
        a.end(FAILED); // b would run for its whole 60 s deadline
        TrialClients.Runs runs = TrialClients.run(side("alice", a), side("bob", b), Duration.ofSeconds(1));
        assertThat(b.stopped).isTrue();
        assertThat(runs.second().stopped()).isTrue();
        assertThat(runs.second().report().error()).isEqualTo("stopped by the runner after the first client failed");
        assertThat(runs.first().report().error()).isEqualTo("connection refused");
        assertThat(runs.first().process()).isEqualTo("warm");
    }

    @Test
    void aDirectSideWaitsForItsPeer() {
        Scripted a = new Scripted(true), b = new Scripted(true);
        a.end(DIRECT);
        CompletableFuture.runAsync(() -> b.end(DIRECT), CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS));
        TrialClients.Runs runs = TrialClients.run(side("alice", a), side("bob", b), Duration.ofSeconds(1));
        assertThat(a.stopped || b.stopped).isFalse();
        assertThat(runs.first().report().direct()).isTrue();
        assertThat(runs.second().report().direct()).isTrue();
    }

    @Test
    void aFirstClientThatNeverRegistersIsStoppedAndTheSecondNeverStarts() {
        Scripted a = new Scripted(false);
        TrialClients.Runs runs = TrialClients.run(side("alice", a), side("bob", new Scripted(true)), Duration.ofMillis(10));
        assertThat(a.stopped).isTrue();
        assertThat(runs.second().launched()).isNull();
        assertThat(runs.second().report().error()).startsWith("not started: the first client did not register");
    }

    @Test
    void agentRepliesParse() {
        assertThat(AgentReply.parse("{\"agent\":\"ready\",\"version\":\"punch dev\"}").kind()).isEqualTo(AgentReply.Kind.READY);
        AgentReply ev = AgentReply.parse("{\"trial\":\"a-t1\",\"event\":\"2026-01-01T00:00:00Z registered x\"}");
        assertThat(ev.kind()).isEqualTo(AgentReply.Kind.EVENT);
        assertThat(ev.text()).endsWith("registered x");
        AgentReply r = AgentReply.parse("{\"trial\":\"a-t1\",\"exit\":0,\"result\":{\"outcome\":\"direct\"}}");
        assertThat(r.kind()).isEqualTo(AgentReply.Kind.RESULT);
        assertThat(r.stdout()).isEqualTo("{\"outcome\":\"direct\"}");
        assertThat(AgentReply.parse("{\"trial\":\"u\",\"exit\":2,\"stdout\":\"usage\"}").stdout()).isEqualTo("usage");
        assertThat(AgentReply.parse("{\"error\":\"request line 1: not JSON\"}").kind()).isEqualTo(AgentReply.Kind.ERROR);
        assertThat(AgentReply.parse("Picked up JAVA_TOOL_OPTIONS").kind()).isEqualTo(AgentReply.Kind.OTHER);
    }

    /** A host whose agent answers ready and then dies on the first trial request. */
    static final class DyingAgentHost implements LabHost {
        final List<String> starts = new CopyOnWriteArrayList<>();

        @Override public String name() { return "alice"; }
        @Override public HostRole role() { return HostRole.PEER; }
        @Override public String ip() { return "10.0.0.1"; }
        @Override public ExecResult exec(Duration timeout, String... command) { throw new UnsupportedOperationException(); }
        @Override public void spawn(String logFile, String... command) {}
        @Override public String readFile(String path) { return ""; }
        @Override public boolean copyOut(String containerPath, Path hostFile) { return false; }
        @Override public String logs() { return ""; }

        @Override public ExecStream stream(Consumer<String> lines, Runnable ended, String... command) {
            starts.add(String.join(" ", command));
            lines.accept("{\"agent\":\"ready\"}");
            return new ExecStream() {
                boolean alive = true;
                @Override public boolean send(String line) {
                    if (!alive) return false;
                    alive = false;
                    ended.run(); // killed (OOM, say) as the trial starts
                    return true;
                }
                @Override public boolean alive() { return alive; }
                @Override public String stderrTail() { return "java.lang.OutOfMemoryError"; }
                @Override public void close() { alive = false; }
            };
        }
    }

    @Test
    void anAgentThatDiesFailsItsTrialClearlyAndTheNextTrialStartsANewOne() {
        DyingAgentHost host = new DyingAgentHost();
        WarmPeer peer = new WarmPeer(host, List.of("punch", "agent"));
        for (int trial = 1; trial <= 2; trial++) {
            ClientProcess c = peer.start("alice-t" + trial, List.of("--id", "alice-t" + trial), Map.of(), "punch client",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
            ExecResult r = c.done().join();
            assertThat(r.stdout()).contains("the warm agent on alice ended mid-trial").contains("OutOfMemoryError");
        }
        assertThat(host.starts).containsExactly("punch agent", "punch agent");
        assertThat(peer.starts()).isEqualTo(2);
    }
}
