package io.natlab.punch.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** punch-core's CLI takes its inputs from the peer contract's NATLAB_* variables when no option is given. */
class PeerContractCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.natlab.punch.cli.PunchCli", "client"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("NATLAB_"));
        pb.environment().putAll(env);
        File errFile = File.createTempFile("cli", ".err");
        pb.redirectError(errFile);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = java.nio.file.Files.readString(errFile.toPath());
        errFile.delete();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void twoProcessesPunchFromEnvironmentVariablesAlone() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withToken("t0k"), null).start()) {
            Map<String, String> common = Map.of("NATLAB_SERVER", "127.0.0.1:" + server.localAddress().getPort(),
                    "NATLAB_TOKEN", "t0k", "NATLAB_TIMEOUT_MS", "20000", "NATLAB_ECHO_BYTES", "4096");
            CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> call(with(common, "alice", "bob", "127.0.0.2")));
            Run b = cli(with(common, "bob", "alice", "127.0.0.3"));
            Run ra = a.get(90, TimeUnit.SECONDS);
            for (Run r : List.of(ra, b)) {
                assertThat(r.exit).as(r.err).isZero();
                JsonNode json = JSON.readTree(r.out);
                assertThat(json.path("outcome").asText()).isEqualTo("direct");
                assertThat(json.path("bytesVerified").asLong()).isEqualTo(4096);
            }
        }
    }

    @Test
    void anEmptyTokenVariableMeansNoTokenAndAMissingServerNamesTheVariable() throws Exception {
        Run r = cli(Map.of("NATLAB_ID", "alice", "NATLAB_PEER", "bob", "NATLAB_TOKEN", ""));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err.lines().findFirst().orElse("")).contains("--server").contains("NATLAB_SERVER");
    }

    private static Map<String, String> with(Map<String, String> common, String id, String peer, String bind) {
        Map<String, String> env = new java.util.HashMap<>(common);
        env.put("NATLAB_ID", id);
        env.put("NATLAB_PEER", peer);
        env.put("NATLAB_BIND", bind);
        return env;
    }

    private static Run call(Map<String, String> env) {
        try {
            return cli(env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
