package io.natlab.punch.client;

import io.natlab.punch.StreamReport.Detection;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Heartbeats on one punched stream until the hold ends or the stream breaks. A sender thread writes a BEAT
 * every interval (first any beats a recovery must re-send) and END when the hold is over or the peer's END
 * arrived; the calling thread reads the peer's frames with the idle timeout as socket timeout. The run ends
 * cleanly when both ENDs crossed; anything else is a break, the first detection wins and the socket is reset.
 */
final class HeartbeatLink {
    /** How the link ended: {@code how} is null for a clean end. */
    record Ended(Detection how, String message, long atNanos) {
        boolean clean() {
            return how == null;
        }
    }

    private final PeerStream stream;
    private final HeartbeatLedger ledger;
    private final HoldConfig hold;
    private final long holdEndNanos;
    private final UnaryOperator<byte[]> outgoingTap;
    private final AtomicReference<Ended> broken = new AtomicReference<>();
    private volatile boolean endNow;
    private volatile boolean endSent;

    HeartbeatLink(PeerStream stream, HeartbeatLedger ledger, HoldConfig hold, long holdEndNanos,
                  UnaryOperator<byte[]> outgoingTap) {
        this.stream = stream;
        this.ledger = ledger;
        this.hold = hold;
        this.holdEndNanos = holdEndNanos;
        this.outgoingTap = outgoingTap;
    }

    Ended run() throws InterruptedException {
        Thread sender = new Thread(this::sendLoop, "punch-heartbeat");
        sender.setDaemon(true);
        sender.start();
        try {
            Ended end = readLoop(sender);
            return broken.get() != null ? broken.get() : end;
        } finally {
            endNow = true;
            if (broken.get() != null) {
                stream.closeAbortively();
                sender.interrupt();
            }
            LockSupport.unpark(sender);
            // The sender must be gone before a recovery resumes the sequence, or it could take a number.
            sender.join(hold.idleTimeout().toMillis());
        }
    }

    private Ended readLoop(Thread sender) throws InterruptedException {
        try {
            stream.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, hold.idleTimeout().toMillis()));
            InputStream in = stream.rawIn();
            while (broken.get() == null) {
                byte[] frame = in.readNBytes(HeartbeatFrame.SIZE);
                long now = System.nanoTime();
                if (frame.length < HeartbeatFrame.SIZE) {
                    return fail(Detection.EOF, "peer closed the stream" + (frame.length == 0 ? "" : " inside a frame"));
                }
                HeartbeatFrame.Decoded d;
                try {
                    d = HeartbeatFrame.decode(frame);
                } catch (HeartbeatFrame.CorruptFrameException e) {
                    if (frame[0] == '{') {
                        return fail(Detection.ERROR, "peer sent a JSON frame instead of a heartbeat (it does not hold)");
                    }
                    ledger.corrupt();
                    return fail(Detection.CORRUPT, "corrupt heartbeat frame: " + e.getMessage());
                }
                if (d.kind() == HeartbeatFrame.Kind.BEAT) {
                    ledger.beat(d.seq(), now);
                    continue;
                }
                ledger.end(d.seq(), now);
                endNow = true;
                LockSupport.unpark(sender);
                sender.join(hold.idleTimeout().toMillis());
                if (!endSent) {
                    return fail(Detection.ERROR, "could not answer the peer's END");
                }
                closeGracefully();
                return new Ended(null, "hold ended", now);
            }
            return broken.get();
        } catch (SocketTimeoutException e) {
            return fail(Detection.TIMEOUT, "nothing from the peer for " + hold.idleTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return fail(classify(e), "read: " + e.getMessage());
        }
    }

    private void sendLoop() {
        OutputStream out = stream.rawOut();
        long interval = hold.heartbeat().toNanos();
        long next = System.nanoTime();
        try {
            while (ledger.resendPending() && broken.get() == null) {
                write(out, HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, ledger.takeNext()));
            }
            while (broken.get() == null) {
                long now = System.nanoTime();
                if (endNow || now - holdEndNanos >= 0) {
                    write(out, HeartbeatFrame.encode(HeartbeatFrame.Kind.END, ledger.lastSentInOrder()));
                    endSent = true;
                    return;
                }
                if (now - next >= 0) {
                    write(out, HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, ledger.takeNext()));
                    next += interval;
                    continue;
                }
                LockSupport.parkNanos(Math.min(next - now, holdEndNanos - now));
            }
        } catch (IOException e) {
            fail(classify(e), "write: " + e.getMessage());
        }
    }

    private void write(OutputStream out, byte[] frame) throws IOException {
        out.write(outgoingTap.apply(frame));
        out.flush();
    }

    /** After both ENDs: FIN, then wait briefly for the peer's, so neither side's reset cuts the other's END. */
    private void closeGracefully() {
        try {
            stream.socket.shutdownOutput();
            stream.socket.setSoTimeout((int) Math.min(1000, hold.idleTimeout().toMillis()));
            byte[] sink = new byte[256];
            long stop = System.nanoTime() + 1_000_000_000L;
            while (stream.rawIn().read(sink) >= 0 && System.nanoTime() - stop < 0) {
                // Discard until the peer's FIN (nothing should come after its END).
            }
        } catch (IOException ignored) {
            // The peer reset or went quiet: everything was counted already.
        }
        stream.closeAbortively();
    }

    private Ended fail(Detection how, String message) {
        Ended e = new Ended(how, message, System.nanoTime());
        if (broken.compareAndSet(null, e)) {
            stream.closeAbortively(); // unblocks the other thread
            return e;
        }
        return broken.get();
    }

    static Detection classify(IOException e) {
        if (e instanceof EOFException) {
            return Detection.EOF;
        }
        if (e instanceof SocketTimeoutException) {
            return Detection.TIMEOUT;
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) {
            return Detection.RST;
        }
        return Detection.ERROR;
    }
}
