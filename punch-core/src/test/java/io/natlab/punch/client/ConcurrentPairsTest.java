package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.PunchResult;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 200 pairs start at once against one server; every one of them must punch. */
class ConcurrentPairsTest {
    private static final int PAIRS = 200;

    @Test
    void twoHundredConcurrentPairsAllPunch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * PAIRS);
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            List<CompletableFuture<PunchResult>> results = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                for (String[] ids : new String[][] {{"p" + i + "a", "p" + i + "b"}, {"p" + i + "b", "p" + i + "a"}}) {
                    PunchConfig config = PunchConfig.of(server.localAddress(), ids[0], ids[1])
                            .withTimeout(Duration.ofSeconds(60)).withEchoBytes(1024);
                    results.add(CompletableFuture.supplyAsync(() -> new PunchClient(config, null).punch(), pool));
                }
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            List<PunchResult> failed = results.stream().map(CompletableFuture::join).filter(r -> !r.isDirect()).toList();
            assertThat(failed).as("failed punches").isEmpty();
            assertThat(results).allSatisfy(f -> assertThat(f.join().bytesVerified()).isEqualTo(1024));
        } finally {
            pool.shutdownNow();
        }
    }
}
