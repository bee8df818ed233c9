package io.natlab.punch.client;

import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchListener;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.ProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Recovery after a break (optional {@code recover} extension): register again with the same id from a NEW
 * local port (the old NAT mapping may be gone; the server lets the newest registration of an id win), ask for
 * the peer again, punch and authenticate as usual (HELLO with a new session, echo 0, no stream check), then
 * exchange RESUME so each side knows which heartbeats the other already has.
 */
final class Repunch {
    /** The new stream, its rendezvous connection (kept open, like the first one) and what the peer has. */
    record Recovered(PeerStream stream, RendezvousSession rendezvous, long peerReceived) {
    }

    private Repunch() {
    }

    static Recovered run(PunchConfig config, PunchListener listener, long lastReceived, Deadline deadline)
            throws PunchFailure, InterruptedException {
        InetSocketAddress bind = config.localAddress() == null
                ? new InetSocketAddress(0) : new InetSocketAddress(config.localAddress(), 0);
        DeadlineWatchdog watchdog = new DeadlineWatchdog(deadline);
        RendezvousSession rendezvous = null;
        PeerStream stream = null;
        boolean done = false;
        try {
            rendezvous = watchdog.guard(RendezvousSession.connect(bind, config.server(), deadline));
            bind = new InetSocketAddress(bind.getAddress(), rendezvous.localSocketAddress().getPort());
            Message.Registered registered = rendezvous.register(config.id(), config.token(),
                    rendezvous.localEndpoint(), deadline);
            emit(listener, new PunchEvent.Registered(Instant.now(), registered.publicEndpoint(),
                    rendezvous.localEndpoint()));
            io.natlab.punch.Endpoint predicted = null;
            if (registered.probePort() != 0) {
                predicted = PortPrediction.predict(registered.publicEndpoint(), PortPrediction.probe(bind,
                        rendezvous.serverAddress(), registered.probePort(), rendezvous.rttNanos(), deadline));
            }
            Message.Start start = rendezvous.awaitStart(config.peer(), predicted, deadline);
            long startNanos = System.nanoTime();
            emit(listener, new PunchEvent.Instructed(Instant.now(), start.peer().id(), start.peer().publicEndpoint(),
                    start.peer().privateEndpoint(), start.session(), Puncher.sameLan(start)));
            rendezvous.startKeepAlive();
            PunchConfig again = config.withEchoBytes(0).withLocal(config.localAddress(), bind.getPort());
            Puncher.Punched punched = new Puncher(again, start, bind, listener, deadline, startNanos,
                    rendezvous.rttNanos()).run();
            stream = punched.stream();
            watchdog.guard(stream.socket);
            emit(listener, new PunchEvent.Established(Instant.now(), stream.method, stream.local, stream.remote,
                    punched.elapsedMs()));
            stream.send(new Message.Resume(lastReceived));
            Message reply = stream.read(deadline);
            if (!(reply instanceof Message.Resume resume)) {
                throw new PunchFailure("expected RESUME from the peer, got " + reply.type());
            }
            done = true;
            return new Recovered(stream, rendezvous, resume.received());
        } catch (IOException | ProtocolException e) {
            throw fired(watchdog, deadline, new PunchFailure("resume exchange failed: " + e.getMessage(), e));
        } catch (PunchFailure e) {
            throw fired(watchdog, deadline, e);
        } finally {
            watchdog.close();
            if (!done) {
                if (stream != null) {
                    stream.closeAbortively();
                }
                if (rendezvous != null) {
                    rendezvous.close();
                }
            }
        }
    }

    /** When the deadline closed the sockets, say so rather than "Socket closed". */
    private static PunchFailure fired(DeadlineWatchdog watchdog, Deadline deadline, PunchFailure e) {
        if (!watchdog.fired() || e.getMessage().contains("deadline")) {
            return e;
        }
        int waiting = e.getMessage().indexOf(" while waiting for ");
        return new PunchFailure("timeout: the " + deadline.total().toMillis() + " ms deadline passed"
                + (waiting >= 0 ? e.getMessage().substring(waiting) : " during the re-punch"), e);
    }

    private static void emit(PunchListener listener, PunchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A faulty tracer must not break the recovery.
        }
    }
}
