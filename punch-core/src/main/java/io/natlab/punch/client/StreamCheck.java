package io.natlab.punch.client;

import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Proves the kept stream carries data: RTT pings each way, then echo bytes each way (full duplex, each side
 * checks the peer's pattern), then BYE. The chooser pings first; the follower answers, then the roles swap.
 */
final class StreamCheck {
    static final int PINGS = 5;

    record Verified(double rttMs, long bytesVerified) {
    }

    private StreamCheck() {
    }

    static Verified run(PeerStream stream, boolean chooser, String session, String selfId, String peerId,
                        long echoOut, Deadline deadline) throws PunchFailure {
        return run(stream, chooser, session, selfId, peerId, echoOut, deadline, true);
    }

    /** {@code bye} false: the stream stays in use (a hold follows), so no BYE. */
    static Verified run(PeerStream stream, boolean chooser, String session, String selfId, String peerId,
                        long echoOut, Deadline deadline, boolean bye) throws PunchFailure {
        try {
            double rtt;
            if (chooser) {
                rtt = ping(stream, deadline);
                answerPings(stream, deadline);
            } else {
                answerPings(stream, deadline);
                rtt = ping(stream, deadline);
            }
            long verified = echo(stream, session, selfId, peerId, echoOut, stream.peerEchoBytes, deadline);
            if (bye) {
                bye(stream, deadline);
            }
            return new Verified(rtt, verified);
        } catch (IOException | ProtocolException e) {
            throw new PunchFailure("stream check failed after the punch: " + e.getMessage(), e);
        }
    }

    /** Median of {@link #PINGS} round trips, in ms. */
    private static double ping(PeerStream stream, Deadline deadline) throws IOException, ProtocolException {
        double[] samples = new double[PINGS];
        for (int i = 0; i < PINGS; i++) {
            long t0 = System.nanoTime();
            stream.send(new Message.Ping(i + 1));
            Message reply = stream.read(deadline);
            long t1 = System.nanoTime();
            if (!(reply instanceof Message.Pong pong) || pong.seq() != i + 1) {
                throw new IOException("expected PONG " + (i + 1) + ", got " + reply);
            }
            samples[i] = (t1 - t0) / 1e6;
        }
        Arrays.sort(samples);
        return samples[PINGS / 2];
    }

    private static void answerPings(PeerStream stream, Deadline deadline) throws IOException, ProtocolException {
        for (int i = 0; i < PINGS; i++) {
            Message message = stream.read(deadline);
            if (!(message instanceof Message.Ping ping)) {
                throw new IOException("expected PING, got " + message.type());
            }
            stream.send(new Message.Pong(ping.seq()));
        }
    }

    /** Sends our pattern on a helper thread while checking the peer's; returns bytes checked. */
    private static long echo(PeerStream stream, String session, String selfId, String peerId, long out, long in,
                             Deadline deadline) throws IOException, PunchFailure {
        AtomicReference<IOException> writeError = new AtomicReference<>();
        Thread writer = null;
        if (out > 0) {
            writer = new Thread(() -> {
                try {
                    OutputStream os = stream.rawOut();
                    EchoPattern pattern = new EchoPattern(session, selfId, out);
                    for (byte[] chunk = pattern.nextChunk(); chunk != null; chunk = pattern.nextChunk()) {
                        os.write(chunk);
                    }
                    os.flush();
                } catch (IOException e) {
                    writeError.set(e);
                }
            }, "punch-echo-" + selfId);
            writer.setDaemon(true);
            writer.start();
        }
        long verified = 0;
        InputStream is = stream.rawIn();
        EchoPattern expected = new EchoPattern(session, peerId, in);
        stream.socket.setSoTimeout(deadline.remainingMillis(Integer.MAX_VALUE));
        for (byte[] want = expected.nextChunk(); want != null; want = expected.nextChunk()) {
            byte[] got = is.readNBytes(want.length);
            if (got.length < want.length) {
                throw new EOFException("stream ended after " + (verified + got.length) + " of " + in + " echo bytes");
            }
            int mismatch = Arrays.mismatch(want, got);
            if (mismatch >= 0) {
                throw new PunchFailure("echo byte " + (verified + mismatch) + " differs from what the peer sent");
            }
            verified += got.length;
        }
        if (writer != null) {
            try {
                writer.join(Math.max(1, deadline.remainingNanos() / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending echo bytes");
            }
            if (writer.isAlive()) {
                throw new IOException("echo bytes not sent before the deadline");
            }
            if (writeError.get() != null) {
                throw writeError.get();
            }
        }
        return verified;
    }

    /**
     * Both sides say BYE and wait briefly for the other's, so neither resets the stream while the other still
     * reads. Everything was checked already, so a missing BYE is not an error.
     */
    private static void bye(PeerStream stream, Deadline deadline) {
        try {
            stream.send(new Message.Bye());
            Deadline byeWait = Deadline.after(java.time.Duration.ofMillis(
                    Math.min(1000, Math.max(1, deadline.remainingNanos() / 1_000_000))));
            stream.read(byeWait);
        } catch (IOException | ProtocolException ignored) {
            // The peer already closed: fine, all data was verified.
        }
    }
}
