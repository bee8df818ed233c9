package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchResult;
import io.natlab.punch.StreamReport;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Held streams between two real clients and a real rendezvous server on loopback. */
class HeldStreamTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private RendezvousServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new RendezvousServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start();
    }

    @AfterEach
    void stop() {
        server.close();
        pool.shutdownNow();
    }

    private PunchConfig config(String id, String peer, String address, Duration hold, boolean recover)
            throws Exception {
        return PunchConfig.of(server.localAddress(), id, peer)
                .withLocal(InetAddress.getByName(address), 0)
                .withTimeout(Duration.ofSeconds(20))
                .withEchoBytes(4096)
                .withHold(HoldConfig.of(hold).withHeartbeat(Duration.ofMillis(50))
                        .withIdleTimeout(Duration.ofMillis(500)).withRecover(recover));
    }

    /** One side of a running pair. */
    private final class Side {
        final PunchClient client;
        final List<PunchEvent> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<PunchResult> result;

        Side(PunchConfig config, UnaryOperator<byte[]> tap) {
            client = new PunchClient(config, events::add).withOutgoingHeartbeatTap(tap);
            result = CompletableFuture.supplyAsync(client::punch, pool);
        }

        StreamReport stream() throws Exception {
            PunchResult r = result.get(60, TimeUnit.SECONDS);
            if (Boolean.getBoolean("held.debug")) {
                events.forEach(e -> System.err.println(e.toLogLine()));
                System.err.println(r);
            }
            assertThat(r.isDirect()).as(r.toString()).isTrue();
            assertThat(r.stream()).as(r.toString()).isNotNull();
            return r.stream();
        }

        HeldStream held() {
            await().atMost(Duration.ofSeconds(30)).until(() -> client.heldStream().isPresent()
                    && client.heldStream().get().report().verified() >= 3);
            return client.heldStream().get();
        }
    }

    private Side[] pair(Duration hold, boolean recover, UnaryOperator<byte[]> aliceTap) throws Exception {
        return new Side[] {new Side(config("alice", "bob", "127.0.0.2", hold, recover), aliceTap),
                new Side(config("bob", "alice", "127.0.0.3", hold, recover), null)};
    }

    /** Nothing lost, duplicated or corrupted: each side verified exactly the distinct beats the other sent. */
    private static void assertExact(StreamReport mine, StreamReport peers) {
        assertThat(mine.lost()).as("lost " + mine).isZero();
        assertThat(mine.duplicated()).as("duplicated " + mine).isZero();
        assertThat(mine.verified()).as("verified " + mine + " vs peer " + peers)
                .isEqualTo(peers.sent() - peers.resent());
    }

    @Test
    void aHeldStreamSurvivesWithEveryHeartbeatVerified() throws Exception {
        Side[] s = pair(Duration.ofMillis(1500), false, null);
        StreamReport a = s[0].stream();
        StreamReport b = s[1].stream();
        for (StreamReport r : List.of(a, b)) {
            assertThat(r.state()).as(r.toString()).isEqualTo(StreamReport.State.SURVIVED);
            assertThat(r.detectedBy()).isNull();
            assertThat(r.corrupted()).isZero();
            assertThat(r.sent()).isGreaterThanOrEqualTo(10);
        }
        assertExact(a, b);
        assertExact(b, a);
        assertThat(LoopbackPair.count(s[0].events, PunchEvent.StreamUp.class)).isEqualTo(1);
    }

    @Test
    void whenOneSideResetsItsSocketTheOtherDetectsItWithinTheIdleTimeout() throws Exception {
        Side[] s = pair(Duration.ofSeconds(20), false, null);
        s[0].held().current().closeAbortively();
        StreamReport a = s[0].stream();
        StreamReport b = s[1].stream();
        assertThat(a.state()).isEqualTo(StreamReport.State.BROKE);
        assertThat(b.state()).isEqualTo(StreamReport.State.BROKE);
        assertThat(b.detectedBy()).as(b.toString()).isIn("rst", "eof");
        assertThat(b.detectedAtMs() - b.brokeAtMs()).as(b.toString()).isLessThan(500);
        assertThat(b.heldMs()).as("no hold after the break").isLessThan(20_000);
        assertThat(LoopbackPair.count(s[1].events, PunchEvent.StreamBroke.class)).isEqualTo(1);
    }

    @Test
    void aBreakIsRecoveredFromANewPortWithoutLossOrDuplication() throws Exception {
        Side[] s = pair(Duration.ofMillis(2500), true, null);
        HeldStream alice = s[0].held();
        InetSocketAddress oldLocal = new InetSocketAddress(alice.local().address(), alice.local().port());
        alice.current().closeAbortively();
        StreamReport a = s[0].stream();
        StreamReport b = s[1].stream();
        for (StreamReport r : List.of(a, b)) {
            assertThat(r.state()).as(r.toString()).isEqualTo(StreamReport.State.RECOVERED);
            assertThat(r.breaks()).as(r.toString()).isEqualTo(1);
            assertThat(r.recoveryMs()).as(r.toString()).isNotNull().isPositive();
            assertThat(r.recoveredAtMs()).isGreaterThan(r.detectedAtMs());
        }
        assertThat(alice.local().port()).as("re-punched from a new port").isNotEqualTo(oldLocal.getPort());
        assertExact(a, b);
        assertExact(b, a);
        assertThat(LoopbackPair.count(s[1].events, PunchEvent.StreamRecovered.class)).isEqualTo(1);
    }

    @Test
    void aCorruptedHeartbeatIsCountedAndRecoveredByResending() throws Exception {
        int[] frames = {0};
        UnaryOperator<byte[]> corruptFifth = frame -> {
            if (++frames[0] == 5) {
                byte[] bad = frame.clone();
                bad[12] ^= 0x40;
                return bad;
            }
            return frame;
        };
        Side[] s = pair(Duration.ofMillis(2500), true, corruptFifth);
        StreamReport a = s[0].stream();
        StreamReport b = s[1].stream();
        assertThat(b.corrupted()).isEqualTo(1);
        assertThat(b.detectedBy()).isEqualTo("corrupt");
        assertThat(b.state()).as(b.toString()).isEqualTo(StreamReport.State.RECOVERED);
        assertThat(a.state()).as(a.toString()).isEqualTo(StreamReport.State.RECOVERED);
        assertThat(a.resent()).as("beat 5 at least was sent again").isPositive();
        assertExact(a, b);
        assertExact(b, a);
    }

    @Test
    void aStalledSenderIsDetectedByTheIdleTimeoutAndRecovered() throws Exception {
        int[] frames = {0};
        UnaryOperator<byte[]> stallFifth = frame -> {
            if (++frames[0] == 5) {
                try {
                    Thread.sleep(2000); // alice stops sending (the beat is taken, never written on this stream)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return frame;
        };
        Side[] s = pair(Duration.ofMillis(2500), true, stallFifth);
        StreamReport a = s[0].stream();
        StreamReport b = s[1].stream();
        assertThat(b.detectedBy()).as(b.toString()).isEqualTo("timeout");
        assertThat(b.detectedAtMs() - b.brokeAtMs()).as(b.toString()).isGreaterThanOrEqualTo(500 - 5);
        assertThat(a.detectedBy()).as("the stalled side learns of it from the peer's reset " + a).isIn("rst", "eof");
        for (StreamReport r : List.of(a, b)) {
            assertThat(r.state()).as(r.toString()).isEqualTo(StreamReport.State.RECOVERED);
        }
        assertThat(a.resent()).as("the stalled beat was sent again " + a).isPositive();
        assertExact(a, b);
        assertExact(b, a);
    }

    @Test
    void withoutThePeersHelpARecoveryFailsAndTheStreamStaysBroken() throws Exception {
        Side alice = new Side(config("alice", "bob", "127.0.0.2", Duration.ofMillis(1500), true)
                .withTimeout(Duration.ofSeconds(6)), null);
        Side bob = new Side(config("bob", "alice", "127.0.0.3", Duration.ofMillis(1500), false)
                .withTimeout(Duration.ofSeconds(6)), null);
        bob.held().current().closeAbortively();
        StreamReport a = alice.stream();
        StreamReport b = bob.stream();
        for (StreamReport r : List.of(a, b)) {
            assertThat(r.state()).as(r.toString()).isEqualTo(StreamReport.State.BROKE);
            assertThat(r.recoveredAtMs()).isNull();
            assertThat(r.recoveryMs()).isNull();
        }
        assertThat(a.detectedBy()).isIn("rst", "eof");
        assertThat(alice.events).anyMatch(e -> e instanceof PunchEvent.Failed f
                && f.error().startsWith("recovery attempt failed: timeout"));
    }
}
