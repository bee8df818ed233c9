package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server holds back START by the delay listed for a client's id, on loopback; the frames are unchanged. */
class StartSkewServerTest {
    @TempDir
    Path dir;
    private RendezvousServer server;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void warmCodec() throws Exception {
        MessageCodec.decode(new String(MessageCodec.encode(new Message.Ping(1)), java.nio.charset.StandardCharsets.UTF_8).trim());
    }

    private void start(Path delays) throws Exception {
        server = new RendezvousServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), new ServerListener() {
            @Override
            public void startDelayed(String id, long delayMs) {
                events.add("delayed " + id + " " + delayMs);
            }

            @Override
            public void fault(String what, Throwable error) {
                events.add("fault " + what + ": " + error.getMessage());
            }
        }).withStartDelays(delays).start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Ms from the second CONNECT to START's arrival at the first to ask ({@code a}) and at {@code b}. */
    private double[] pair(String a, String b) throws Exception {
        try (RawClient alice = new RawClient(server.localAddress()).register(a);
             RawClient bob = new RawClient(server.localAddress()).register(b)) {
            alice.send(new Message.Connect(b));
            long t0 = System.nanoTime();
            bob.send(new Message.Connect(a));
            Message.Start forAlice = (Message.Start) alice.read();
            double aliceMs = (System.nanoTime() - t0) / 1e6;
            Message.Start forBob = (Message.Start) bob.read();
            double bobMs = (System.nanoTime() - t0) / 1e6;
            assertThat(forBob.session()).isEqualTo(forAlice.session());
            assertThat(forBob.peer().publicEndpoint()).isEqualTo(alice.local());
            return new double[] {aliceMs, bobMs};
        }
    }

    @Test
    void theListedPeerGetsItsStartThatMuchLater() throws Exception {
        start(Files.writeString(dir.resolve("delays"), "bob-t1 300\n"));
        double[] ms = pair("alice-t1", "bob-t1");
        assertThat(ms[1]).isGreaterThanOrEqualTo(300.0); // from before bob's CONNECT left: a strict lower bound
        assertThat(ms[0]).isLessThan(ms[1]);
        assertThat(events).containsExactly("delayed bob-t1 300");
    }

    @Test
    void theFileIsReadAtEachPairingSoTheLabCanRewriteItBetweenTrials() throws Exception {
        Path f = dir.resolve("delays");
        start(f);
        pair("alice-t1", "bob-t1");
        Files.writeString(f, "alice-t2 250\n");
        double[] later = pair("bob-t2", "alice-t2");
        assertThat(later[1]).isGreaterThanOrEqualTo(250.0);
        assertThat(events).containsExactly("delayed alice-t2 250");
    }

    @Test
    void anInvalidFileIsReportedAndIgnored() throws Exception {
        start(Files.writeString(dir.resolve("delays"), "bob-t1 soon\n"));
        pair("alice-t1", "bob-t1");
        assertThat(events).singleElement().asString().startsWith("fault start delays ignored: ")
            .contains("delays:1: delay must be whole milliseconds");
    }
}
