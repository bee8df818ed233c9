package io.natlab.punch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.Endpoint;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PunchCliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PunchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "[{index}] expects {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                                          | Missing command",
        "client --id a --peer b                                                      | --server",
        "client --server 127.0.0.1:7000 --id a --peer b --timeout 10x                | --timeout: '10x' is not a duration",
        "client --server 127.0.0.1:7000 --id a --peer b --timeout 10                 | --timeout",
        "client --server 127.0.0.1:7000 --id a --peer b --strategy guess             | --strategy: unknown strategy 'guess'",
        "client --server 127.0.0.1:7000 --id a --peer a                              | --peer: must differ from --id",
        "client --server 127.0.0.1:7000 --id a/b --peer c                            | --id: must be 1-64 characters",
        "client --server 127.0.0.1 --id a --peer b                                   | --server: '127.0.0.1' is not HOST:PORT",
        "client --server 127.0.0.1:0 --id a --peer b                                 | --server: '127.0.0.1:0': port must be 1..65535",
        "client --server 127.0.0.1:7000 --id a --peer b --local-port 70000           | --local-port: must be 0..65535",
        "client --server 127.0.0.1:7000 --id a --peer b --echo -1                    | --echo: must be",
        "client --server 127.0.0.1:7000 --id a --peer b --echo lots                  | --echo",
        "client --server 127.0.0.1:7000 --id a --peer b --bogus                      | Unknown option: '--bogus'",
        "server --port 70000                                                         | --port must be 0..65535",
        "server --idle-timeout forever                                               | --idle-timeout",
        "server --probe-port 7000                                                    | --probe-port: must be 0..65535 other than --port, next or off, got '7000'",
        "server --probe-port maybe                                                   | --probe-port: must be 0..65535 other than --port",
    })
    void usageErrorsExitTwoWithAMessage(String args, String message) {
        Run r = run(args.isBlank() ? new String[0] : args.trim().split("\\s+"));
        assertThat(r.exit()).isEqualTo(PunchCli.EXIT_USAGE);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void clientsPrintOneJsonObjectAndExitZeroOnADirectStream() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            String address = "127.0.0.1:" + server.localAddress().getPort();
            CompletableFuture<Run> alice = CompletableFuture.supplyAsync(() -> run("client", "--server", address,
                    "--id", "alice", "--peer", "bob", "--echo", "65536", "--timeout", "15s", "--bind", "127.0.0.2"));
            Run bob = run("client", "--server", address, "--id", "bob", "--peer", "alice", "--echo", "65536",
                    "--timeout", "15000ms", "--strategy", "listen-connect", "--bind", "127.0.0.3");
            for (Run r : new Run[] {alice.get(), bob}) {
                assertThat(r.exit()).as(r.err()).isEqualTo(PunchCli.EXIT_DIRECT);
                assertThat(r.out().lines()).hasSize(1);
                JsonNode json = new ObjectMapper().readTree(r.out());
                assertThat(json.get("outcome").asText()).isEqualTo("direct");
                assertThat(json.get("method").asText()).isIn("connect", "accept");
                assertThat(Endpoint.parse(json.get("local").asText())).isNotNull();
                assertThat(Endpoint.parse(json.get("remote").asText())).isNotNull();
                assertThat(json.get("elapsedMs").isNumber()).isTrue();
                // A side whose stream came in through its listener may have made no connect of its own.
                assertThat(json.get("attempts").isInt() && json.get("attempts").asInt() >= 0).isTrue();
                assertThat(json.get("rttMs").asDouble()).isPositive();
                assertThat(json.get("bytesVerified").asLong()).isEqualTo(65536);
                assertThat(json.has("error")).isFalse();
                assertThat(r.err()).contains(" registered ").contains(" instructed ").contains(" established ");
                assertThat(r.err().lines()).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ [a-z]+ .*"));
            }
            int total = 0;
            for (Run r : new Run[] {alice.get(), bob}) total += new ObjectMapper().readTree(r.out()).get("attempts").asInt();
            assertThat(total).as("someone connected").isPositive();
        }
    }

    @Test
    void failedClientPrintsJsonWithErrorAndExitsOne() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            Run r = run("client", "--server", "127.0.0.1:" + server.localAddress().getPort(), "--id", "alice",
                    "--peer", "nobody", "--timeout", "1500ms");
            assertThat(r.exit()).isEqualTo(PunchCli.EXIT_FAILED);
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("outcome").asText()).isEqualTo("failed");
            assertThat(json.get("error").asText()).contains("nobody");
            assertThat(r.err()).contains(" failed error=");
        }
    }

    @Test
    void serverLogLinesMatchWhatTheRunnerWaitsFor() throws Exception {
        StringWriter err = new StringWriter();
        ServerCommand.LogLines log = new ServerCommand.LogLines(new PrintWriter(err, true), InetAddress.getByName("0.0.0.0"));
        log.listening(new InetSocketAddress(7000));
        log.registered("alice", Endpoint.parse("198.18.0.3:40000"), Endpoint.parse("10.1.0.3:40000"));
        assertThat(err.toString().lines()).containsExactly("listening on 0.0.0.0:7000",
                "registered id=alice public=198.18.0.3:40000");
    }

    @Test
    void durationsAcceptMillisSecondsAndMinutes() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    }
}
