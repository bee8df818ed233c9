package io.natlab.punch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's hold options and the result's "stream" object. */
class HoldCliTest {
    private static final List<String> STREAM_FIELDS = List.of("state", "heldMs", "brokeAtMs", "detectedAtMs",
            "detectedBy", "recoveredAtMs", "recoveryMs", "breaks", "sent", "received", "verified", "lost",
            "duplicated", "corrupted", "resent");

    @ParameterizedTest(name = "[{index}] expects {1}")
    @CsvSource(delimiter = '|', value = {
        "--hold 10x                            | --hold: '10x' is not a duration",
        "--hold 61m                            | --hold: hold must be 0..60 min",
        "--hold 1s --heartbeat 0ms             | --heartbeat: duration must be greater than zero",
        "--hold 1s --heartbeat 5ms             | --heartbeat: heartbeat must be at least 10 ms",
        "--hold 1s --idle-timeout 100ms        | --idle-timeout: idle timeout must be longer than the heartbeat",
        "--hold 1s --recover=maybe             | --recover: must be 1 or 0, got 'maybe'",
    })
    void badHoldOptionsAreUsageErrors(String args, String message) {
        String[] base = {"client", "--server", "127.0.0.1:7000", "--id", "a", "--peer", "b"};
        String[] extra = args.trim().split("\\s+");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        PunchCliTest.Run r = PunchCliTest.run(all);
        assertThat(r.exit()).as(r.err()).isEqualTo(PunchCli.EXIT_USAGE);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aHeldStreamReportsItsFiguresAndStreamUpComesFirst() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            String address = "127.0.0.1:" + server.localAddress().getPort();
            CompletableFuture<PunchCliTest.Run> alice = CompletableFuture.supplyAsync(() -> PunchCliTest.run(
                    "client", "--server", address, "--id", "alice", "--peer", "bob", "--echo", "1024",
                    "--timeout", "15s", "--bind", "127.0.0.2", "--hold", "800ms", "--heartbeat", "50ms",
                    "--idle-timeout", "400ms", "--recover"));
            PunchCliTest.Run bob = PunchCliTest.run("client", "--server", address, "--id", "bob", "--peer", "alice",
                    "--echo", "1024", "--timeout", "15s", "--bind", "127.0.0.3", "--hold", "800ms",
                    "--heartbeat", "50ms", "--idle-timeout", "400ms", "--recover=1");
            double longestHold = 0;
            for (PunchCliTest.Run r : new PunchCliTest.Run[] {alice.get(), bob}) {
                assertThat(r.exit()).as(r.err()).isEqualTo(PunchCli.EXIT_DIRECT);
                JsonNode stream = new ObjectMapper().readTree(r.out()).get("stream");
                assertThat(stream).as(r.out()).isNotNull();
                assertThat(stream.fieldNames()).toIterable().containsExactlyElementsOf(STREAM_FIELDS);
                assertThat(stream.get("state").asText()).isEqualTo("survived");
                assertThat(stream.get("detectedBy").isNull()).isTrue();
                longestHold = Math.max(longestHold, stream.get("heldMs").asDouble());
                assertThat(stream.get("verified").asLong()).isPositive();
                assertThat(stream.get("lost").asLong()).isZero();
                assertThat(r.err()).containsPattern("(?m)^\\S+ stream-up local=\\S+ remote=\\S+ hold-ms=800$");
            }
            // The side whose hold ends first ends both (its END ends the peer's hold a little early).
            assertThat(longestHold).isGreaterThanOrEqualTo(800);
        }
    }

    @Test
    void withoutAHoldTheResultHasNoStream() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            String address = "127.0.0.1:" + server.localAddress().getPort();
            CompletableFuture<PunchCliTest.Run> alice = CompletableFuture.supplyAsync(() -> PunchCliTest.run(
                    "client", "--server", address, "--id", "alice", "--peer", "bob", "--bind", "127.0.0.2",
                    "--hold", "0"));
            PunchCliTest.Run bob = PunchCliTest.run("client", "--server", address, "--id", "bob", "--peer", "alice",
                    "--bind", "127.0.0.3");
            for (PunchCliTest.Run r : new PunchCliTest.Run[] {alice.get(), bob}) {
                assertThat(r.exit()).as(r.err()).isEqualTo(PunchCli.EXIT_DIRECT);
                assertThat(new ObjectMapper().readTree(r.out()).has("stream")).isFalse();
                assertThat(r.err()).doesNotContain("stream-up");
            }
        }
    }
}
