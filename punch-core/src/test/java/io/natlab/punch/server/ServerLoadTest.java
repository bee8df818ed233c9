package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded loopback load test of the lock-out case at the default proportions (a quarter of the connections
 * for unregistered clients, 64 per busy source): thousands of idle connections from one and from many source
 * addresses, and 50 honest pairs that must all pair meanwhile. At most about 9,000 connection attempts.
 */
class ServerLoadTest {
    private static final int MAX_CONNECTIONS = 4_000;
    private static final int PAIRS = 50;

    @BeforeAll
    static void warmCodec() throws Exception {
        MessageCodec.decode(new String(MessageCodec.encode(new Message.Ping(1)), java.nio.charset.StandardCharsets.UTF_8).trim());
    }

    private static double pairAll(RendezvousServer server, String prefix) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < PAIRS; i++) {
            String a = prefix + i + "a";
            String b = prefix + i + "b";
            try (RawClient ca = new RawClient(server.localAddress(), Attackers.loopback(0x0200 + i)).register(a);
                 RawClient cb = new RawClient(server.localAddress(), Attackers.loopback(0x0300 + i)).register(b)) {
                ca.send(new Message.Connect(b));
                cb.send(new Message.Connect(a));
                assertThat(ca.read()).isInstanceOf(Message.Start.class);
                assertThat(cb.read()).isInstanceOf(Message.Start.class);
            }
        }
        return PAIRS / ((System.nanoTime() - t0) / 1e9);
    }

    @Test
    void honestPairsPairWhileIdleConnectionsFloodFromOneAndFromManyAddresses() throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withMaxConnections(MAX_CONNECTIONS);
        int unregisteredBudget = config.defences().maxUnregistered();
        try (RendezvousServer server = new RendezvousServer(config, null).start()) {
            double quiet = pairAll(server, "q");

            try (Attackers one = new Attackers(server.localAddress())) {
                for (int i = 0; i < 2_000; i++) {
                    one.open(0x0100);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> server.unregisteredCount() <= unregisteredBudget / 2
                        && server.connectionCount() == server.unregisteredCount());
                double underOne = pairAll(server, "o");
                assertThat(server.unregisteredCount()).isLessThanOrEqualTo(unregisteredBudget / 2);

                try (Attackers many = new Attackers(server.localAddress())) {
                    int[] sources = new int[40];
                    for (int s = 0; s < sources.length; s++) {
                        sources[s] = 0x0400 + s;
                    }
                    for (int i = 0; i < 3_000; i++) {
                        many.open(sources[i % sources.length]);
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> server.unregisteredCount() == unregisteredBudget);
                    many.hammer(sources, 4_000);
                    double underMany = pairAll(server, "m");
                    assertThat(server.unregisteredCount()).isLessThanOrEqualTo(unregisteredBudget);
                    assertThat(server.connectionCount()).isLessThanOrEqualTo(MAX_CONNECTIONS);
                    System.out.printf(Locale.ROOT, "[load] %d honest pairs each: %.0f pairings/s quiet, %.0f with 2,000 idle "
                            + "connections from one address, %.0f with %d unregistered slots full from 40 addresses and "
                            + "%d more attempts%n", PAIRS, quiet, underOne, underMany, unregisteredBudget,
                            many.attempts.get() - 3_000);
                }
            }
        }
    }
}
