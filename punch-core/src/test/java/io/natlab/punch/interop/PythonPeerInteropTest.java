package io.natlab.punch.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.Outcome;
import io.natlab.punch.PunchResult;
import io.natlab.punch.client.PunchClient;
import io.natlab.punch.client.PunchConfig;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The independent Python implementation (examples/python-punch, written from docs/peer-contract.md) against
 * punch-core on loopback, in both roles: keeps the wire protocol, the chooser rule and the echo pattern
 * language-neutral. Needs python3 on PATH (it fails, never skips, without it).
 */
class PythonPeerInteropTest {
    private static final Path SCRIPT = Path.of("..", "examples", "python-punch", "punch.py").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private RendezvousServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new RendezvousServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withToken("s3cret"),
                null).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Ids decide the roles: the id that sorts first is the chooser. */
    @ParameterizedTest(name = "java={0} python={1}")
    @CsvSource({"alice, bob", "zed, amy"})
    void pythonAndJavaPunchAndVerifyEachOthersEcho(String javaId, String pythonId) throws Exception {
        PunchConfig java = PunchConfig.of(server.localAddress(), javaId, pythonId).withToken("s3cret")
                .withLocal(InetAddress.getByName("127.0.0.2"), 0).withTimeout(Duration.ofSeconds(20))
                .withEchoBytes(70001);
        CompletableFuture<PunchResult> javaSide = CompletableFuture.supplyAsync(() -> new PunchClient(java, e -> { }).punch());
        Run python = runPython(Map.of("NATLAB_ID", pythonId, "NATLAB_PEER", javaId, "NATLAB_TOKEN", "s3cret",
                "NATLAB_BIND", "127.0.0.3", "NATLAB_TIMEOUT_MS", "20000", "NATLAB_ECHO_BYTES", "65536"));
        PunchResult javaResult = javaSide.get(30, TimeUnit.SECONDS);

        assertThat(python.exitCode).as(python.toString()).isZero();
        assertThat(python.result.path("outcome").asText()).isEqualTo("direct");
        assertThat(python.result.path("bytesVerified").asLong()).isEqualTo(70001);
        assertThat(python.result.path("method").asText()).isIn("connect", "accept", "private");
        assertThat(javaResult.outcome()).as(javaResult.toString()).isEqualTo(Outcome.DIRECT);
        assertThat(javaResult.bytesVerified()).isEqualTo(65536);
        assertThat(python.result.path("remote").asText()).isEqualTo(javaResult.local().toString());
    }

    @Test
    void wrongTokenIsAFailedResultNamingTheRendezvous() throws Exception {
        Run python = runPython(Map.of("NATLAB_ID", "amy", "NATLAB_PEER", "zed", "NATLAB_TOKEN", "wrong",
                "NATLAB_TIMEOUT_MS", "5000"));
        assertThat(python.exitCode).as(python.toString()).isEqualTo(1);
        assertThat(python.result.path("outcome").asText()).isEqualTo("failed");
        assertThat(python.result.path("error").asText()).startsWith("rendezvous:").contains("BAD_TOKEN");
    }

    @Test
    void absentPeerEndsAtTheDeadlineWithATimeout() throws Exception {
        long t0 = System.nanoTime();
        Run python = runPython(Map.of("NATLAB_ID", "amy", "NATLAB_PEER", "nobody", "NATLAB_TOKEN", "s3cret",
                "NATLAB_TIMEOUT_MS", "1500"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(python.exitCode).as(python.toString()).isEqualTo(1);
        assertThat(python.result.path("error").asText()).startsWith("timeout:");
        assertThat(ms).as("honours its deadline").isLessThan(1500 + 5000);
    }

    @Test
    void missingInputIsAUsageError() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", SCRIPT.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("NATLAB_"));
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("NATLAB_SERVER");
    }

    private record Run(int exitCode, JsonNode result, String stdout, String stderr) {
    }

    private Run runPython(Map<String, String> env) throws Exception {
        assertThat(SCRIPT).exists();
        ProcessBuilder pb = new ProcessBuilder("python3", SCRIPT.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("NATLAB_"));
        pb.environment().put("NATLAB_SERVER", "127.0.0.1:" + server.localAddress().getPort());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("python-peer", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(40, TimeUnit.SECONDS)).as("python peer exits").isTrue();
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        String[] lines = out.strip().split("\n");
        assertThat(lines).as("exactly one JSON line on stdout; stderr:\n" + stderr).hasSize(1);
        return new Run(p.exitValue(), JSON.readTree(lines[0]), out, stderr);
    }
}
