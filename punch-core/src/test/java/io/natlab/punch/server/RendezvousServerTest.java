package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.Protocol;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RendezvousServerTest {
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private RendezvousServer server;

    @org.junit.jupiter.api.BeforeAll
    static void warmCodec() throws Exception {
        // The server shares this JVM: load the JSON codec before any short server timeout starts counting.
        MessageCodec.decode(new String(MessageCodec.encode(new Message.Ping(1)), java.nio.charset.StandardCharsets.UTF_8).trim());
    }

    @BeforeEach
    void start() throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(2500), Duration.ofMillis(400));
        server = new RendezvousServer(config, new ServerListener() {
            @Override
            public void rejected(io.natlab.punch.Endpoint remote, String id, ErrorCode code, String message) {
                rejections.add(code + " " + message);
            }
        }).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawClient client() throws Exception {
        return new RawClient(server.localAddress());
    }

    /** Proves the server still pairs clients: two fresh clients register, ask for each other, get START. */
    private void assertServerStillPairs(String a, String b) throws Exception {
        try (RawClient alice = client().register(a); RawClient bob = client().register(b)) {
            alice.send(new Message.Connect(b));
            bob.send(new Message.Connect(a));
            Message.Start forAlice = (Message.Start) alice.read();
            Message.Start forBob = (Message.Start) bob.read();
            assertThat(forAlice.session()).isEqualTo(forBob.session());
            assertThat(forAlice.peer().id()).isEqualTo(b);
            assertThat(forAlice.peer().publicEndpoint()).isEqualTo(bob.local());
            assertThat(forBob.peer().publicEndpoint()).isEqualTo(alice.local());
            assertThat(forBob.peer().privateEndpoint()).isEqualTo(alice.local());
            assertThat(forAlice.self().publicEndpoint()).isEqualTo(alice.local());
        }
    }

    private static void assertError(RawClient c, ErrorCode code) throws Exception {
        Message m = c.read();
        assertThat(m).isInstanceOf(Message.Error.class);
        assertThat(((Message.Error) m).code()).isEqualTo(code.name());
        await().atMost(Duration.ofSeconds(5)).until(c::closedByServer);
    }

    @Test
    void pairsTwoClientsWithEachOthersEndpointsAndOneSessionNonce() throws Exception {
        assertServerStillPairs("alice", "bob");
    }

    @Test
    void answersPingWithPong() throws Exception {
        try (RawClient c = client().register("pinger")) {
            c.send(new Message.Ping(42));
            assertThat(c.read()).isEqualTo(new Message.Pong(42));
        }
    }

    @Test
    void malformedFrameGetsErrorAndCloseWhileOthersAreServed() throws Exception {
        try (RawClient bad = client()) {
            bad.sendRaw("this is not json\n");
            assertError(bad, ErrorCode.MALFORMED);
        }
        assertServerStillPairs("alice", "bob");
    }

    @Test
    void unknownTypeAndWrongVersionAreRejected() throws Exception {
        try (RawClient c = client()) {
            c.sendRaw("{\"v\":1,\"type\":\"TELEPORT\"}\n");
            assertError(c, ErrorCode.UNKNOWN_TYPE);
        }
        try (RawClient c = client()) {
            c.sendRaw("{\"v\":9,\"type\":\"PING\"}\n");
            assertError(c, ErrorCode.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void oversizedFrameGetsErrorAndCloseWhileOthersAreServed() throws Exception {
        try (RawClient flood = client()) {
            byte[] big = new byte[Protocol.MAX_FRAME_BYTES * 4];
            java.util.Arrays.fill(big, (byte) 'x');
            flood.sendRaw(big);
            assertError(flood, ErrorCode.TOO_LARGE);
        }
        assertServerStillPairs("alice", "bob");
    }

    @Test
    void slowSenderTimesOutWhileOthersAreServed() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RawClient slow = client()) {
            byte[] frame = "{\"v\":1,\"type\":\"PING\",\"seq\":1}".getBytes();
            AtomicInteger next = new AtomicInteger();
            // One byte every 50 ms: the frame would take 1.5 s, the frame timeout is 400 ms.
            trickle.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i < frame.length) {
                    try {
                        slow.sendRaw(new byte[] {frame[i]});
                    } catch (Exception ignored) {
                        // closed by the server, as expected
                    }
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            assertServerStillPairs("alice", "bob");
            assertError(slow, ErrorCode.SLOW_CLIENT);
            assertThat(next.get()).isLessThan(frame.length);
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void silentClientsTimeOut() throws Exception {
        try (RawClient silent = client()) {
            assertError(silent, ErrorCode.TIMEOUT);
        }
        try (RawClient idle = client().register("idler")) {
            assertError(idle, ErrorCode.TIMEOUT);
        }
    }

    @Test
    void connectBeforeRegisterAndSecondRegisterAreUnexpected() throws Exception {
        try (RawClient c = client()) {
            c.send(new Message.Connect("bob"));
            assertError(c, ErrorCode.UNEXPECTED);
        }
        try (RawClient c = client().register("alice")) {
            c.send(new Message.Register("alice2", null, c.local()));
            assertError(c, ErrorCode.UNEXPECTED);
        }
    }

    @Test
    void connectingToYourselfIsInvalid() throws Exception {
        try (RawClient c = client().register("alice")) {
            c.send(new Message.Connect("alice"));
            assertError(c, ErrorCode.INVALID_FIELD);
        }
    }

    @Test
    void duplicateIdNewestWinsAndTheOldConnectionIsToldAndClosed() throws Exception {
        try (RawClient first = client().register("alice"); RawClient second = client().register("alice");
             RawClient bob = client().register("bob")) {
            assertError(first, ErrorCode.DUPLICATE_ID);
            second.send(new Message.Connect("bob"));
            bob.send(new Message.Connect("alice"));
            Message.Start start = (Message.Start) bob.read();
            assertThat(start.peer().publicEndpoint()).isEqualTo(second.local());
        }
    }

    @Test
    void serverRemovesClosedClients() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(client().register("c" + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.registeredCount() == 20);
        for (RawClient c : clients) {
            c.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0 && server.registeredCount() == 0);
    }

    @Test
    void tokenIsRequiredWhenConfigured() throws Exception {
        try (RendezvousServer guarded = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withToken("s3cret"), null).start()) {
            try (RawClient none = new RawClient(guarded.localAddress())) {
                none.send(new Message.Register("alice", null, none.local()));
                assertError(none, ErrorCode.BAD_TOKEN);
            }
            try (RawClient wrong = new RawClient(guarded.localAddress())) {
                wrong.send(new Message.Register("alice", "guess", wrong.local()));
                assertError(wrong, ErrorCode.BAD_TOKEN);
            }
            try (RawClient right = new RawClient(guarded.localAddress())) {
                right.send(new Message.Register("alice", "s3cret", right.local()));
                assertThat(right.read()).isInstanceOf(Message.Registered.class);
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitAreToldServerFull() throws Exception {
        try (RendezvousServer small = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withMaxConnections(2), null).start();
             RawClient a = new RawClient(small.localAddress()).register("a");
             RawClient b = new RawClient(small.localAddress()).register("b");
             RawClient c = new RawClient(small.localAddress())) {
            Message m;
            try {
                m = c.read();
            } catch (EOFException | java.net.SocketException e) {
                m = null; // the ERROR may be lost to the close; the connection is refused either way
            }
            if (m != null) {
                assertThat(((Message.Error) m).code()).isEqualTo(ErrorCode.SERVER_FULL.name());
            }
            await().atMost(Duration.ofSeconds(5)).until(c::closedByServer);
            assertThat(small.connectionCount()).isEqualTo(2);
        }
    }

    @Test
    void errorFramesNameThePositionButNoParserInternals() throws Exception {
        try (RawClient c = client()) {
            c.sendRaw("{\"v\":1,\"type\":" + "[".repeat(20) + "\n");
            Message.Error e = (Message.Error) c.read();
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED.name());
            assertThat(e.message()).isEqualTo("not valid JSON at column 23: nested deeper than 8 levels");
        }
        try (RawClient c = client()) {
            c.sendRaw(new byte[] {'{', '"', (byte) 0xff, '"', '}', '\n'});
            Message.Error e = (Message.Error) c.read();
            assertThat(e.message()).matches("not valid JSON at column \\d+: Invalid UTF-8 start byte 0xff").doesNotContain("`", "jackson", "Jackson");
        }
    }
}
