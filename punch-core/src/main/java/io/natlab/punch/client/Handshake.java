package io.natlab.punch.client;

import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.ProtocolException;
import java.io.IOException;

/**
 * The first exchange on every candidate stream. Both sides send HELLO (session nonce, from, to) and check the
 * other's; a stream that fails the check is a stray (another session, a port scanner, a stale run) and is
 * dropped. Then the {@link StreamArbiter} decides which authenticated stream is kept.
 */
final class Handshake {
    enum Outcome {
        /** Both sides keep this stream. */
        KEPT,
        /** Authenticated, but another stream was kept. */
        DUPLICATE
    }

    /** The HELLO check failed. */
    static final class StrayException extends Exception {
        StrayException(String message) {
            super(message);
        }
    }

    private final String session;
    private final String selfId;
    private final String peerId;
    private final long echoBytes;
    private final StreamArbiter<PeerStream> arbiter;

    Handshake(String session, String selfId, String peerId, long echoBytes, StreamArbiter<PeerStream> arbiter) {
        this.session = session;
        this.selfId = selfId;
        this.peerId = peerId;
        this.echoBytes = echoBytes;
        this.arbiter = arbiter;
    }

    Outcome run(PeerStream stream, Deadline deadline) throws IOException, ProtocolException, StrayException {
        stream.send(new Message.Hello(session, selfId, peerId, echoBytes));
        Message first = stream.read(deadline);
        if (!(first instanceof Message.Hello hello)) {
            throw new StrayException("expected HELLO, got " + first.type());
        }
        if (!hello.session().equals(session)) {
            throw new StrayException("wrong session nonce");
        }
        if (!hello.from().equals(peerId) || !hello.to().equals(selfId)) {
            throw new StrayException("HELLO from '" + hello.from() + "' to '" + hello.to() + "', expected from '"
                    + peerId + "' to '" + selfId + "'");
        }
        stream.peerEchoBytes = hello.echoBytes();
        if (arbiter.role() == StreamArbiter.Role.CHOOSER) {
            if (!arbiter.claim(stream)) {
                return Outcome.DUPLICATE;
            }
            stream.agreedAtNanos = System.nanoTime();
            try {
                stream.send(new Message.Chosen());
            } catch (IOException e) {
                stream.agreedAtNanos = 0;
                arbiter.release(stream);
                throw e;
            }
            return Outcome.KEPT;
        }
        Message decision = stream.read(deadline);
        if (!(decision instanceof Message.Chosen)) {
            throw new StrayException("expected CHOSEN, got " + decision.type());
        }
        long now = System.nanoTime();
        if (!arbiter.claim(stream)) {
            return Outcome.DUPLICATE; // cannot happen with a correct chooser; keep the first one regardless
        }
        stream.agreedAtNanos = now;
        return Outcome.KEPT;
    }
}
