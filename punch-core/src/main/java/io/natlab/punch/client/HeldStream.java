package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchListener;
import io.natlab.punch.StreamReport;
import io.natlab.punch.StreamReport.Detection;
import io.natlab.punch.StreamReport.State;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A punched stream held after the echo check (see {@link HoldConfig}): both sides exchange numbered,
 * checksummed heartbeats ({@link HeartbeatFrame}) until the hold ends, and this side notices a dead stream by
 * RST, EOF, error, corruption or the idle timeout. With {@code recover} it re-punches ({@link Repunch}) and
 * resumes the heartbeats where the peer's receipt left off, so the sequence has no gap and no duplicate.
 * {@link #report()} may be read from any thread while the hold runs (see {@link PunchClient#heldStream()}).
 */
public final class HeldStream {
    /** Pause before another recovery attempt after one failed (e.g. the server was unreachable). */
    private static final long RETRY_PAUSE_NANOS = 250_000_000L;

    private final PunchConfig config;
    private final PunchListener listener;
    private final UnaryOperator<byte[]> outgoingTap;
    private final long upNanos;
    private final long holdEndNanos;
    private final HeartbeatLedger ledger;
    private volatile PeerStream current;
    private volatile RendezvousSession rendezvous;
    private volatile State state = State.SURVIVED;
    private volatile Long endNanos;
    private volatile Long brokeNanos;
    private volatile Long detectedNanos;
    private volatile Detection detectedBy;
    private volatile Long recoveredNanos;
    private volatile int breaks;

    HeldStream(PunchConfig config, PunchListener listener, PeerStream stream, RendezvousSession rendezvous,
               UnaryOperator<byte[]> outgoingTap) {
        this.config = config;
        this.listener = listener;
        this.outgoingTap = outgoingTap == null ? UnaryOperator.identity() : outgoingTap;
        this.current = stream;
        this.rendezvous = rendezvous;
        this.upNanos = System.nanoTime();
        this.holdEndNanos = upNanos + config.hold().hold().toNanos();
        this.ledger = new HeartbeatLedger(upNanos);
    }

    /** Holds until the hold ends or the stream broke for good; returns the final report. */
    StreamReport run() throws InterruptedException {
        emit(new PunchEvent.StreamUp(Instant.now(), current.local, current.remote, config.hold().hold().toMillis()));
        try {
            while (true) {
                HeartbeatLink.Ended end = new HeartbeatLink(current, ledger, config.hold(), holdEndNanos, outgoingTap)
                        .run();
                if (end.clean()) {
                    break;
                }
                breaks++;
                if (detectedNanos == null) {
                    brokeNanos = ledger.lastHeardNanos();
                    detectedNanos = end.atNanos();
                    detectedBy = end.how();
                }
                state = State.BROKE;
                emit(new PunchEvent.StreamBroke(Instant.now(), end.how().wireName(),
                        ms(ledger.lastHeardNanos()), ms(end.atNanos()), end.message()));
                if (!config.hold().recover() || end.atNanos() - holdEndNanos >= 0 || !recover(end.atNanos())) {
                    break;
                }
            }
        } finally {
            endNanos = System.nanoTime();
            current.closeAbortively();
            if (rendezvous != null) {
                rendezvous.close();
            }
        }
        return report();
    }

    /**
     * Re-punches until one attempt resumes the stream. Attempts start only while the hold lasts; each may take
     * up to the punch timeout (so the run ends by hold + timeout after stream-up at the latest).
     */
    private boolean recover(long detected) throws InterruptedException {
        RendezvousSession old = rendezvous;
        if (old != null) {
            old.close(); // its mapping may be gone too; the new registration comes from a new port
        }
        rendezvous = null;
        while (true) {
            try {
                Repunch.Recovered r = Repunch.run(config, listener, ledger.lastVerified(),
                        Deadline.after(config.timeout()));
                long toResend = ledger.highestSent() - r.peerReceived();
                try {
                    ledger.resumeFrom(r.peerReceived());
                } catch (java.io.IOException e) {
                    r.stream().closeAbortively();
                    r.rendezvous().close();
                    throw e;
                }
                current = r.stream();
                rendezvous = r.rendezvous();
                long now = System.nanoTime();
                if (recoveredNanos == null) {
                    recoveredNanos = now;
                }
                state = State.RECOVERED;
                emit(new PunchEvent.StreamRecovered(Instant.now(), current.local, current.remote, ms(now),
                        round((now - detected) / 1e6), toResend));
                return true;
            } catch (PunchFailure | java.io.IOException e) {
                boolean again = System.nanoTime() + RETRY_PAUSE_NANOS - holdEndNanos < 0;
                emit(new PunchEvent.Failed(Instant.now(), "recovery attempt failed: " + e.getMessage()
                        + (again ? "; trying again" : "; the hold is over")));
                if (!again) {
                    return false;
                }
                Thread.sleep(RETRY_PAUSE_NANOS / 1_000_000);
            }
        }
    }

    /** The stream's figures so far (final once the hold ended). */
    public StreamReport report() {
        HeartbeatLedger.Counts c = ledger.counts();
        Long end = endNanos;
        double held = ms(end == null ? System.nanoTime() : end);
        if (state == State.BROKE && detectedNanos != null && recoveredNanos == null) {
            held = ms(detectedNanos);
        }
        Double recoveredAt = recoveredNanos == null ? null : ms(recoveredNanos);
        Double recovery = recoveredNanos == null ? null : round((recoveredNanos - detectedNanos) / 1e6);
        return new StreamReport(state, held, brokeNanos == null ? null : ms(brokeNanos),
                detectedNanos == null ? null : ms(detectedNanos), detectedBy == null ? null : detectedBy.wireName(),
                recoveredAt, recovery, breaks, c.sent(), c.received(), c.verified(), c.lost(), c.duplicated(),
                c.corrupted(), c.resent());
    }

    public State state() {
        return state;
    }

    /** The current stream's endpoints (they change when a recovery re-punched). */
    public Endpoint local() {
        return current.local;
    }

    public Endpoint remote() {
        return current.remote;
    }

    /** The stream heartbeats currently run on; tests close it to simulate a break. */
    PeerStream current() {
        return current;
    }

    private double ms(long nanos) {
        return round((nanos - upNanos) / 1e6);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }

    private void emit(PunchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A faulty tracer must not break the hold.
        }
    }
}
