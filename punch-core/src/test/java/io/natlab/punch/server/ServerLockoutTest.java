package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.PunchResult;
import io.natlab.punch.client.PunchClient;
import io.natlab.punch.client.PunchConfig;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lock-out defences on loopback, with attackers on their own 127.0.0.x source addresses: a small server
 * (16 unregistered slots, 4 per busy source) so every case is a few dozen sockets and a few seconds.
 */
class ServerLockoutTest {
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private RendezvousServer server;

    @BeforeAll
    static void warmCodec() throws Exception {
        MessageCodec.decode(new String(MessageCodec.encode(new Message.Ping(1)), java.nio.charset.StandardCharsets.UTF_8).trim());
    }

    private RendezvousServer start(String token, ServerDefences defences) throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withMaxConnections(40)
                .withDefences(defences).withToken(token);
        server = new RendezvousServer(config, new ServerListener() {
            @Override
            public void rejected(io.natlab.punch.Endpoint remote, String id, ErrorCode code, String message) {
                rejections.add(remote.address().getHostAddress() + " " + code + " " + message);
            }
        }).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLegitimatePairPunchesWhileAttackersHoldEveryUnregisteredSlotAndKeepTrying() throws Exception {
        start(null, ServerDefences.forMaxConnections(40).withUnregistered(16, 4));
        try (Attackers attackers = new Attackers(server.localAddress())) {
            int[] sources = {10, 11, 12, 13};
            for (int i = 0; i < 16; i++) {
                attackers.open(sources[i % 4]);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.unregisteredCount() == 16);
            attackers.hammer(sources, 2_000); // refused at their per-source cap, again and again

            PunchConfig alice = PunchConfig.of(server.localAddress(), "alice", "bob")
                    .withLocal(Attackers.loopback(2), 0).withTimeout(Duration.ofSeconds(10));
            PunchConfig bob = PunchConfig.of(server.localAddress(), "bob", "alice")
                    .withLocal(Attackers.loopback(3), 0).withTimeout(Duration.ofSeconds(10));
            CompletableFuture<PunchResult> a = CompletableFuture.supplyAsync(() -> new PunchClient(alice, null).punch());
            CompletableFuture<PunchResult> b = CompletableFuture.supplyAsync(() -> new PunchClient(bob, null).punch());
            assertThat(a.get(20, TimeUnit.SECONDS).isDirect()).as(() -> "alice punched: " + a.join() + rejections).isTrue();
            assertThat(b.get(20, TimeUnit.SECONDS).isDirect()).as(() -> "bob punched: " + b.join()).isTrue();

            assertThat(server.unregisteredCount()).isLessThanOrEqualTo(16);
            assertThat(server.connectionCount()).isLessThanOrEqualTo(40);
            assertThat(rejections).anyMatch(r -> r.startsWith("127.0.0.1") && r.contains("too many unregistered connections from 127.0.0.1"));
            assertThat(rejections).as("the newcomers displaced the oldest attackers")
                    .anyMatch(r -> r.contains("this one was the oldest"));
        }
    }

    @Test
    void oneSourceCannotHoldMoreThanHalfTheUnregisteredSlotsAndOthersStillRegister() throws Exception {
        start(null, ServerDefences.forMaxConnections(40).withUnregistered(16, 4));
        try (Attackers attackers = new Attackers(server.localAddress())) {
            for (int i = 0; i < 100; i++) {
                attackers.open(20);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> attackers.attempts.get() == 100
                    && rejections.size() >= 100 - 8);
            assertThat(server.unregisteredCount()).isEqualTo(8);
            try (RawClient carol = new RawClient(server.localAddress(), Attackers.loopback(21)).register("carol")) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 1);
            }
        }
    }

    @Test
    void repeatedWrongTokensSlowTheirSourceDownButNotOthers() throws Exception {
        start("s3cret", ServerDefences.forMaxConnections(40).withPenalties(3, Duration.ofMillis(800), Duration.ofSeconds(5)));
        for (int i = 0; i < 4; i++) {
            try (RawClient guess = new RawClient(server.localAddress(), Attackers.loopback(30))) {
                guess.send(new Message.Register("mallory", "guess" + i, guess.local()));
                assertThat(((Message.Error) guess.read()).code()).isEqualTo(ErrorCode.BAD_TOKEN.name());
            }
        }
        try (RawClient blocked = new RawClient(server.localAddress(), Attackers.loopback(30))) {
            Message.Error e = (Message.Error) blocked.read();
            assertThat(e.code()).isEqualTo(ErrorCode.THROTTLED.name());
            assertThat(e.message()).startsWith("too many failed registrations from 127.0.0.30; retry in");
        }
        try (RawClient honest = new RawClient(server.localAddress(), Attackers.loopback(31)).register("dave", "s3cret")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 1);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            try (RawClient again = new RawClient(server.localAddress(), Attackers.loopback(30)).register("mallory", "s3cret")) {
                return true;
            }
        });
    }
}
