package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Method;
import io.natlab.punch.StreamReport.Detection;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One side's heartbeats against a scripted raw peer on a loopback socket pair. */
class HeartbeatLinkTest {
    private static final HoldConfig HOLD = HoldConfig.of(Duration.ofSeconds(20))
            .withHeartbeat(Duration.ofMillis(50)).withIdleTimeout(Duration.ofMillis(400));

    private Socket ours;
    private Socket peer;

    @BeforeEach
    void connect() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ours = new Socket();
            ours.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
            peer = listener.accept();
        }
    }

    @AfterEach
    void close() throws Exception {
        ours.close();
        peer.close();
    }

    private HeartbeatLink.Ended runFor(HeartbeatLedger ledger, Duration hold) throws Exception {
        return new HeartbeatLink(new PeerStream(ours, Method.CONNECT), ledger, HOLD,
                System.nanoTime() + hold.toNanos(), UnaryOperator.identity()).run();
    }

    @Test
    void aSilentPeerIsDetectedByTheIdleTimeout() throws Exception {
        HeartbeatLedger ledger = new HeartbeatLedger(System.nanoTime());
        long t0 = System.nanoTime();
        HeartbeatLink.Ended end = runFor(ledger, Duration.ofSeconds(20));
        assertThat(end.how()).isEqualTo(Detection.TIMEOUT);
        assertThat((end.atNanos() - t0) / 1e6).isGreaterThanOrEqualTo(400 - 5);
        assertThat(ledger.counts().sent()).isPositive();
    }

    @Test
    void aFinIsDetectedAsEof() throws Exception {
        peer.shutdownOutput();
        HeartbeatLink.Ended end = runFor(new HeartbeatLedger(System.nanoTime()), Duration.ofSeconds(20));
        assertThat(end.how()).isEqualTo(Detection.EOF);
    }

    @Test
    void aResetIsDetectedAsRst() throws Exception {
        peer.setSoLinger(true, 0);
        peer.close();
        HeartbeatLink.Ended end = runFor(new HeartbeatLedger(System.nanoTime()), Duration.ofSeconds(20));
        assertThat(end.how()).isIn(Detection.RST, Detection.EOF);
        assertThat(end.how()).as("a reset that arrives before the read is a reset").isEqualTo(Detection.RST);
    }

    @Test
    void aCorruptFrameBreaksTheStreamAndIsCounted() throws Exception {
        byte[] bad = HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, 2);
        bad[9] ^= 1;
        write(HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, 1), bad);
        HeartbeatLedger ledger = new HeartbeatLedger(System.nanoTime());
        HeartbeatLink.Ended end = runFor(ledger, Duration.ofSeconds(20));
        assertThat(end.how()).isEqualTo(Detection.CORRUPT);
        assertThat(ledger.counts().corrupted()).isEqualTo(1);
        assertThat(ledger.counts().verified()).isEqualTo(1);
    }

    @Test
    void gapsAndDuplicatesAreCountedAndEndsCrossCleanly() throws Exception {
        write(beat(1), beat(2), beat(2), beat(4), HeartbeatFrame.encode(HeartbeatFrame.Kind.END, 5));
        HeartbeatLedger ledger = new HeartbeatLedger(System.nanoTime());
        HeartbeatLink.Ended end = runFor(ledger, Duration.ofSeconds(20));
        assertThat(end.clean()).as(String.valueOf(end)).isTrue();
        HeartbeatLedger.Counts c = ledger.counts();
        assertThat(c.received()).isEqualTo(4);
        assertThat(c.verified()).isEqualTo(3);
        assertThat(c.duplicated()).isEqualTo(1);
        assertThat(c.lost()).as("3 never came, 5 was announced by END").isEqualTo(2);
        // Our END answered the peer's: the last frame we wrote is an END with our last sequence.
        byte[] all = peer.getInputStream().readAllBytes();
        byte[] last = java.util.Arrays.copyOfRange(all, all.length - HeartbeatFrame.SIZE, all.length);
        assertThat(HeartbeatFrame.decode(last)).isEqualTo(
                new HeartbeatFrame.Decoded(HeartbeatFrame.Kind.END, c.sent()));
    }

    private static byte[] beat(long seq) {
        return HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, seq);
    }

    private void write(byte[]... frames) throws Exception {
        OutputStream out = peer.getOutputStream();
        for (byte[] f : frames) {
            out.write(f);
        }
        out.flush();
    }
}
