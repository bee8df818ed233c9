package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.Endpoint;
import io.natlab.punch.Method;
import io.natlab.punch.Outcome;
import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchResult;
import io.natlab.punch.Strategy;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.PeerInfo;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real punches on loopback: server and two clients in this JVM, no Docker. */
class PunchClientTest {
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

    private PunchConfig config(String id, String peer, String localAddress) throws Exception {
        return PunchConfig.of(server.localAddress(), id, peer)
                .withLocal(InetAddress.getByName(localAddress), 0)
                // Generous: on loopback early SYNs draw RSTs, so connect-only waits for SYNs to cross in flight.
                .withTimeout(Duration.ofSeconds(30))
                .withEchoBytes(65536);
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void twoClientsOnDifferentAddressesPunchWithEitherStrategy(Strategy strategy) throws Exception {
        LoopbackPair pair = LoopbackPair.run(
                config("alice", "bob", "127.0.0.2").withStrategy(strategy),
                config("bob", "alice", "127.0.0.3").withStrategy(strategy), pool);

        for (PunchResult r : new PunchResult[] {pair.a, pair.b}) {
            assertThat(r.outcome()).as(r.toString()).isEqualTo(Outcome.DIRECT);
            assertThat(r.bytesVerified()).isEqualTo(65536);
            assertThat(r.rttMs()).isPositive();
            assertThat(r.elapsedMs()).isPositive();
            // A side whose listener accepted the stream before its own connect loop ran has made no attempt.
            assertThat(r.attempts()).isNotNegative();
            assertThat(r.error()).isNull();
        }
        assertThat(pair.a.attempts() + pair.b.attempts()).as("someone connected").isPositive();
        // One TCP connection, seen from both ends.
        assertThat(pair.a.local()).isEqualTo(pair.b.remote());
        assertThat(pair.b.local()).isEqualTo(pair.a.remote());
        assertThat(pair.a.local().address().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(pair.b.local().address().getHostAddress()).isEqualTo("127.0.0.3");
        // The punched stream uses the very port the rendezvous server saw.
        assertThat(pair.a.local()).isEqualTo(registeredPublic(pair.aEvents));
        assertThat(pair.b.local()).isEqualTo(registeredPublic(pair.bEvents));
        // Both sides describe the same stream: either one accepted the other's connect, or both connected.
        assertThat(java.util.List.of(pair.a.method(), pair.b.method()))
                .isSubsetOf(Method.CONNECT, Method.ACCEPT).contains(Method.CONNECT);
    }

    private static Endpoint registeredPublic(java.util.List<PunchEvent> events) {
        return events.stream().filter(PunchEvent.Registered.class::isInstance).map(PunchEvent.Registered.class::cast)
                .findFirst().orElseThrow().publicEndpoint();
    }

    @Test
    void connectOnlyEstablishesByTrueSimultaneousOpen() throws Exception {
        LoopbackPair pair = LoopbackPair.run(
                config("alice", "bob", "127.0.0.2").withStrategy(Strategy.CONNECT_ONLY),
                config("bob", "alice", "127.0.0.3").withStrategy(Strategy.CONNECT_ONLY), pool);

        assertThat(pair.a.outcome()).as(pair.a.toString()).isEqualTo(Outcome.DIRECT);
        assertThat(pair.b.outcome()).as(pair.b.toString()).isEqualTo(Outcome.DIRECT);
        // Neither side listened, and each side's own connect() returned the stream: with no listener on
        // either port, a TCP connection between the two ports can only form by simultaneous open.
        assertThat(pair.a.method()).isEqualTo(Method.CONNECT);
        assertThat(pair.b.method()).isEqualTo(Method.CONNECT);
        assertThat(LoopbackPair.count(pair.aEvents, PunchEvent.Accepted.class)).isZero();
        assertThat(LoopbackPair.count(pair.bEvents, PunchEvent.Accepted.class)).isZero();
        assertThat(pair.aEvents).filteredOn(e -> e instanceof PunchEvent.Attempt at && at.result().equals("connected"))
                .isNotEmpty();
        assertThat(pair.bEvents).filteredOn(e -> e instanceof PunchEvent.Attempt at && at.result().equals("connected"))
                .isNotEmpty();
        assertThat(pair.a.local()).isEqualTo(pair.b.remote());
    }

    @Test
    void wrongTokenIsRejectedAndTheRightOneWorks() throws Exception {
        try (RendezvousServer guarded = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withToken("s3cret"), null).start()) {
            PunchResult rejected = new PunchClient(PunchConfig.of(guarded.localAddress(), "alice", "bob")
                    .withToken("guess").withTimeout(Duration.ofSeconds(5)), null).punch();
            assertThat(rejected.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(rejected.error()).contains("BAD_TOKEN");

            LoopbackPair pair = LoopbackPair.run(
                    PunchConfig.of(guarded.localAddress(), "alice", "bob").withToken("s3cret"),
                    PunchConfig.of(guarded.localAddress(), "bob", "alice").withToken("s3cret"), pool);
            assertThat(pair.a.isDirect()).as(pair.a.toString()).isTrue();
            assertThat(pair.b.isDirect()).as(pair.b.toString()).isTrue();
        }
    }

    @Test
    void withThePortProbeOnLoopbackNothingIsPredictedAndThePunchWorks() throws Exception {
        try (RendezvousServer probing = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null)
                .withPortProbe(new InetSocketAddress("127.0.0.1", 0)).start()) {
            PunchConfig a = PunchConfig.of(probing.localAddress(), "alice", "bob")
                    .withLocal(InetAddress.getByName("127.0.0.2"), 0).withTimeout(Duration.ofSeconds(30));
            PunchConfig b = PunchConfig.of(probing.localAddress(), "bob", "alice")
                    .withLocal(InetAddress.getByName("127.0.0.3"), 0).withTimeout(Duration.ofSeconds(30));
            LoopbackPair pair = LoopbackPair.run(a, b, pool);
            assertThat(pair.a.isDirect()).as(pair.a.toString()).isTrue();
            assertThat(pair.b.isDirect()).as(pair.b.toString()).isTrue();
            // No NAT: the probe saw the registered port again, so the peer was told no prediction and each
            // side punched to the other's registered endpoint.
            assertThat(pair.a.local()).isEqualTo(registeredPublic(pair.aEvents));
            assertThat(pair.a.remote()).isEqualTo(registeredPublic(pair.bEvents));
        }
    }

    @Test
    void peerThatNeverShowsUpFailsCleanlyAtTheDeadline() throws Exception {
        long t0 = System.nanoTime();
        PunchResult r = new PunchClient(PunchConfig.of(server.localAddress(), "alice", "ghost")
                .withTimeout(Duration.ofMillis(1200)), null).punch();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.error()).contains("timeout").contains("ghost");
        assertThat(seconds).isBetween(1.1, 3.0);
        assertThat(r.elapsedMs()).isNull(); // no start instruction ever came
        await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 0);
    }

    @Test
    void peerArrivingLaterIsWaitedFor() throws Exception {
        CompletableFuture<PunchResult> alice = CompletableFuture.supplyAsync(() -> new PunchClient(
                PunchConfig.of(server.localAddress(), "alice", "bob").withTimeout(Duration.ofSeconds(15)), null)
                .punch(), pool);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 1);
        PunchResult bob = new PunchClient(PunchConfig.of(server.localAddress(), "bob", "alice")
                .withTimeout(Duration.ofSeconds(15)), null).punch();
        assertThat(bob.isDirect()).as(bob.toString()).isTrue();
        assertThat(alice.get().isDirect()).as(alice.get().toString()).isTrue();
    }

    @Test
    void unreachableServerFailsWithAClearError() throws Exception {
        InetSocketAddress closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        PunchResult r = new PunchClient(PunchConfig.of(closed, "alice", "bob")
                .withTimeout(Duration.ofSeconds(2)), null).punch();
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.error()).startsWith("rendezvous: cannot connect");
    }

    @Test
    void privateEndpointIsTriedOnlyBehindTheSamePublicAddress() {
        Endpoint natPublic = Endpoint.parse("198.18.0.5:40001");
        PeerInfo self = new PeerInfo("alice", natPublic, Endpoint.parse("10.1.0.2:40000"));
        PeerInfo sameNat = new PeerInfo("bob", Endpoint.parse("198.18.0.5:40002"), Endpoint.parse("10.1.0.3:40000"));
        PeerInfo otherNat = new PeerInfo("bob", Endpoint.parse("198.18.0.6:40002"), Endpoint.parse("10.2.0.3:40000"));
        PeerInfo publicPeer = new PeerInfo("bob", Endpoint.parse("198.18.0.5:40002"), Endpoint.parse("198.18.0.5:40002"));
        String session = "00112233445566778899aabbccddeeff";
        assertThat(Puncher.sameLan(new Message.Start(session, self, sameNat))).isTrue();
        assertThat(Puncher.sameLan(new Message.Start(session, self, otherNat))).isFalse();
        assertThat(Puncher.sameLan(new Message.Start(session, self, publicPeer))).isFalse();
    }
}
