package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Outcome;
import io.natlab.punch.PunchResult;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run's timeout is a hard limit, through the stream check too (issue 15 point 7, issue 8). */
class HardTimeoutTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final RendezvousServer server;

    HardTimeoutTest() throws Exception {
        server = new RendezvousServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start();
    }

    @AfterEach
    void stop() {
        server.close();
        pool.shutdownNow();
    }

    @Test
    void aPeerTricklingItsEchoCannotStretchTheRunPastItsTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(2500);
        PunchConfig config = PunchConfig.of(server.localAddress(), "alice", "zed")
                .withLocal(InetAddress.getByName("127.0.0.2"), 0).withTimeout(timeout).withEchoBytes(1024);
        try (TricklingPeer peer = new TricklingPeer()) {
            // One byte every 20 ms: each read of the client returns well within its socket timeout, while the
            // 64 KiB echo would take about 22 minutes.
            pool.execute(() -> {
                try {
                    peer.run(server.localAddress(), "zed", "alice", 65536, 20);
                } catch (Exception ignored) {
                    // The client closes the stream at its deadline.
                }
            });
            long t0 = System.nanoTime();
            CompletableFuture<PunchResult> run = CompletableFuture.supplyAsync(
                    () -> new PunchClient(config, null).punch(), pool);
            // The slack covers scheduling on a loaded machine; before the fix the run went on for minutes.
            PunchResult result = run.get(timeout.toMillis() + 3000, TimeUnit.MILLISECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.FAILED);
            assertThat(result.error()).startsWith("stream check failed after the punch")
                    .contains("2500 ms deadline passed during the stream check");
            assertThat(result.elapsedMs()).as("the punch itself succeeded").isNotNull();
            assertThat(seconds).as("run time").isLessThan(timeout.toMillis() / 1000.0 + 3);
        }
    }
}
