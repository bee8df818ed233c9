package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natlab.punch.Method;
import io.natlab.punch.protocol.Message;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The duplicate-stream decision: whatever order streams authenticate in, both sides keep the same one. */
class HandshakeTest {
    private static final String SESSION = "00112233445566778899aabbccddeeff";
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void cleanup() {
        pool.shutdownNow();
        sockets.forEach(ReusableSockets::closeAbortively);
    }

    /** Connected socket pairs over loopback: [i][0] is alice's end, [i][1] is bob's. */
    private Socket[][] socketPairs(int n) throws Exception {
        Socket[][] pairs = new Socket[n][2];
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < n; i++) {
                Socket a = new Socket();
                a.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                pairs[i][0] = a;
                pairs[i][1] = server.accept();
                sockets.add(pairs[i][0]);
                sockets.add(pairs[i][1]);
            }
        }
        return pairs;
    }

    @Test
    void rolesAreComplementaryAndStable() {
        assertThat(StreamArbiter.roleOf("alice", "bob")).isEqualTo(StreamArbiter.Role.CHOOSER);
        assertThat(StreamArbiter.roleOf("bob", "alice")).isEqualTo(StreamArbiter.Role.FOLLOWER);
        assertThatThrownBy(() -> StreamArbiter.roleOf("x", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chooserKeepsTheFirstClaimAndCanHandItOnIfSendingFails() {
        StreamArbiter<String> arbiter = new StreamArbiter<>(StreamArbiter.Role.CHOOSER);
        assertThat(arbiter.claim("s1")).isTrue();
        assertThat(arbiter.claim("s2")).isFalse();
        arbiter.release("s2");
        assertThat(arbiter.winner()).isEqualTo("s1");
        arbiter.release("s1");
        assertThat(arbiter.claim("s2")).isTrue();
    }

    @RepeatedTest(10)
    void bothSidesKeepTheSameStreamWhateverTheOrder() throws Exception {
        int n = 3;
        Socket[][] pairs = socketPairs(n);
        StreamArbiter<PeerStream> aliceArbiter = new StreamArbiter<>(StreamArbiter.Role.CHOOSER);
        StreamArbiter<PeerStream> bobArbiter = new StreamArbiter<>(StreamArbiter.Role.FOLLOWER);
        Handshake alice = new Handshake(SESSION, "alice", "bob", 0, aliceArbiter);
        Handshake bob = new Handshake(SESSION, "bob", "alice", 0, bobArbiter);
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));

        // Each side starts its handshakes in its own random order: streams authenticate in different orders.
        Random random = new Random();
        List<Integer> aliceOrder = shuffled(n, random);
        List<Integer> bobOrder = shuffled(n, random);
        List<Future<Handshake.Outcome>> aliceResults = new ArrayList<>(Collections.nCopies(n, null));
        List<Future<Handshake.Outcome>> bobResults = new ArrayList<>(Collections.nCopies(n, null));
        PeerStream[] aliceStreams = new PeerStream[n];
        for (int k = 0; k < n; k++) {
            int i = aliceOrder.get(k);
            int j = bobOrder.get(k);
            aliceStreams[i] = new PeerStream(pairs[i][0], Method.CONNECT);
            PeerStream aliceStream = aliceStreams[i];
            aliceResults.set(i, pool.submit(() -> {
                Handshake.Outcome o = alice.run(aliceStream, deadline);
                if (o == Handshake.Outcome.DUPLICATE) {
                    aliceStream.closeAbortively(); // as the puncher does: the follower sees the close
                }
                return o;
            }));
            PeerStream bobStream = new PeerStream(pairs[j][1], Method.ACCEPT);
            bobResults.set(j, pool.submit(() -> bob.run(bobStream, deadline)));
        }

        int keptByAlice = -1;
        for (int i = 0; i < n; i++) {
            if (aliceResults.get(i).get(10, TimeUnit.SECONDS) == Handshake.Outcome.KEPT) {
                assertThat(keptByAlice).as("alice keeps exactly one stream").isEqualTo(-1);
                keptByAlice = i;
            }
        }
        assertThat(keptByAlice).isNotNegative();
        for (int i = 0; i < n; i++) {
            if (i == keptByAlice) {
                assertThat(bobResults.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(Handshake.Outcome.KEPT);
            } else {
                Future<Handshake.Outcome> f = bobResults.get(i);
                assertThat(catchThrowableOf(f)).as("bob drops the duplicate %d", i).isNotNull();
            }
        }
        assertThat(bobArbiter.winner().socket).isSameAs(pairs[keptByAlice][1]);
        assertThat(aliceArbiter.winner()).isSameAs(aliceStreams[keptByAlice]);
    }

    private static Throwable catchThrowableOf(Future<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static List<Integer> shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    @Test
    void strayWithWrongSessionIsRejected() throws Exception {
        Socket[][] pairs = socketPairs(1);
        Handshake alice = new Handshake(SESSION, "alice", "bob", 0,
                new StreamArbiter<>(StreamArbiter.Role.CHOOSER));
        PeerStream stray = new PeerStream(pairs[0][1], Method.ACCEPT);
        pool.submit(() -> {
            stray.send(new Message.Hello("ffffffffffffffffffffffffffffffff", "bob", "alice", 0));
            return null;
        });
        assertThatThrownBy(() -> alice.run(new PeerStream(pairs[0][0], Method.ACCEPT),
                Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOf(Handshake.StrayException.class).hasMessageContaining("session");
    }

    @Test
    void strayClaimingAnotherIdIsRejected() throws Exception {
        Socket[][] pairs = socketPairs(1);
        Handshake alice = new Handshake(SESSION, "alice", "bob", 0,
                new StreamArbiter<>(StreamArbiter.Role.CHOOSER));
        PeerStream stray = new PeerStream(pairs[0][1], Method.ACCEPT);
        pool.submit(() -> {
            stray.send(new Message.Hello(SESSION, "mallory", "alice", 0));
            return null;
        });
        assertThatThrownBy(() -> alice.run(new PeerStream(pairs[0][0], Method.ACCEPT),
                Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOf(Handshake.StrayException.class).hasMessageContaining("mallory");
    }
}
