package io.natlab.punch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm agent on loopback: trials back to back in one JVM, a stop that ends a trial at once, bad requests. */
class AgentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Agent> agents = new CopyOnWriteArrayList<>();

    /** An agent served on a thread, fed through a pipe; its replies collected as parsed frames. */
    static final class Agent implements AutoCloseable {
        final PipedWriter requests = new PipedWriter();
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> exit;

        Agent() throws IOException {
            BufferedReader in = new BufferedReader(new PipedReader(requests, 1 << 16));
            PrintWriter out = new PrintWriter(new AgentFrames.LineWriter(line -> {
                try {
                    frames.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("agent printed a line that is not JSON: " + line, e);
                }
            }), true);
            exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return new AgentCommand().serve(in, out);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }

        void send(String line) throws IOException {
            requests.write(line + "\n");
            requests.flush();
        }

        JsonNode awaitResult(String trial, Duration within) {
            await().atMost(within).until(() -> result(trial) != null);
            return result(trial);
        }

        JsonNode result(String trial) {
            return frames.stream().filter(f -> trial.equals(f.path("trial").asText()) && f.has("exit"))
                    .findFirst().orElse(null);
        }

        List<String> events(String trial) {
            return frames.stream().filter(f -> trial.equals(f.path("trial").asText()) && f.has("event"))
                    .map(f -> f.get("event").asText()).toList();
        }

        List<String> errors() {
            return frames.stream().filter(f -> f.has("error")).map(f -> f.get("error").asText()).toList();
        }

        @Override
        public void close() throws IOException {
            requests.close();
        }
    }

    private Agent agent() throws IOException {
        Agent a = new Agent();
        agents.add(a);
        return a;
    }

    @AfterEach
    void closeAgents() throws IOException {
        for (Agent a : agents) {
            a.close();
        }
    }

    private static String trial(String trial, String... args) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of("trial", trial, "args", List.of(args)));
    }

    @Test
    void runsTrialAfterTrialInOneJvmEachDirect() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            String address = "127.0.0.1:" + server.localAddress().getPort();
            Agent alice = agent();
            Agent bob = agent();
            for (int i = 1; i <= 3; i++) {
                String a = "alice-" + i;
                String b = "bob-" + i;
                alice.send(trial(a, "--server", address, "--id", a, "--peer", b, "--bind", "127.0.0.2",
                        "--timeout", "15s", "--echo", "4096"));
                bob.send(trial(b, "--server", address, "--id", b, "--peer", a, "--bind", "127.0.0.3",
                        "--timeout", "15s", "--echo", "4096"));
                for (Agent agent : List.of(alice, bob)) {
                    String id = agent == alice ? a : b;
                    JsonNode r = agent.awaitResult(id, Duration.ofSeconds(20));
                    assertThat(r.get("exit").asInt()).as(agent.events(id).toString()).isEqualTo(PunchCli.EXIT_DIRECT);
                    assertThat(r.at("/result/outcome").asText()).isEqualTo("direct");
                    assertThat(r.at("/result/bytesVerified").asLong()).isEqualTo(4096);
                    // Events come live, as frames of their own, before the result.
                    assertThat(agent.events(id)).anyMatch(e -> e.contains(" registered "))
                            .anyMatch(e -> e.contains(" established "));
                    assertThat(agent.frames.indexOf(r)).isGreaterThan(agent.frames.stream()
                            .filter(f -> id.equals(f.path("trial").asText()) && f.has("event"))
                            .mapToInt(agent.frames::indexOf).max().orElseThrow());
                }
            }
            assertThat(alice.frames.get(0).get("agent").asText()).isEqualTo("ready");
            assertThat(alice.errors()).isEmpty();
        }
    }

    @Test
    void aStopEndsTheTrialAtOnceAndClosesItsSockets() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            String address = "127.0.0.1:" + server.localAddress().getPort();
            Agent lonely = agent();
            // The peer never comes: without the stop this trial would wait 60 s.
            lonely.send(trial("lonely", "--server", address, "--id", "lonely", "--peer", "nobody", "--timeout", "60s"));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.registeredCount() == 1);
            long t0 = System.nanoTime();
            lonely.send("{\"stop\":\"lonely\"}");
            JsonNode r = lonely.awaitResult("lonely", Duration.ofSeconds(5));
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
            assertThat(r.get("stopped").asBoolean()).isTrue();
            assertThat(r.get("exit").asInt()).isEqualTo(PunchCli.EXIT_FAILED);
            assertThat(r.at("/result/error").asText()).isEqualTo(AgentFrames.STOPPED);
            // Its rendezvous connection is closed: the server forgets it.
            await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 0);
            // A stop for a trial that already ended changes nothing; the agent stays up.
            lonely.send("{\"stop\":\"lonely\"}");
            lonely.send(trial("usage", "--bogus"));
            JsonNode usage = lonely.awaitResult("usage", Duration.ofSeconds(5));
            assertThat(usage.get("exit").asInt()).isEqualTo(PunchCli.EXIT_USAGE);
            assertThat(lonely.frames.stream().filter(f -> "lonely".equals(f.path("trial").asText()) && f.has("exit")))
                    .hasSize(1);
        }
    }

    @Test
    void badRequestsGetOneErrorLineEachAndTheAgentKeepsServing() throws Exception {
        Agent agent = agent();
        agent.send("not json");
        agent.send("[1, 2]");
        agent.send("{\"trial\":\"a/b\",\"args\":[]}");
        agent.send("{\"trial\":\"ok\"}");
        agent.send("{\"trial\":\"ok\",\"args\":[1]}");
        agent.send(trial("usage", "--server", "127.0.0.1:1", "--id", "x", "--peer", "x"));
        JsonNode usage = agent.awaitResult("usage", Duration.ofSeconds(5));
        assertThat(usage.get("exit").asInt()).isEqualTo(PunchCli.EXIT_USAGE);
        assertThat(agent.events("usage")).anyMatch(e -> e.contains("--peer: must differ from --id"));
        assertThat(agent.errors()).hasSize(5);
        assertThat(agent.errors().get(0)).startsWith("request line 1: not JSON");
        assertThat(agent.errors().get(1)).isEqualTo("request line 2: expected a JSON object");
        assertThat(agent.errors().get(2)).contains("'trial' must be an id");
        assertThat(agent.errors().get(3)).contains("'args' must be a list");
        assertThat(agent.errors().get(4)).contains("'args' must hold strings only");
        agent.close();
        assertThat(agent.exit.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }

    @Test
    void lineWriterSplitsLinesAndKeepsAnUnfinishedOneForClose() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Writer w = new AgentFrames.LineWriter(lines::add);
        w.write("one\r\ntw");
        w.write("o\nthree");
        assertThat(lines).containsExactly("one", "two");
        w.close();
        assertThat(lines).containsExactly("one", "two", "three");
    }
}
