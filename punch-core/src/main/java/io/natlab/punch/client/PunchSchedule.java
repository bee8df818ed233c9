package io.natlab.punch.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When the connect loop sends its next SYN, scaled by the round trip to the rendezvous server (the only RTT
 * known before the punch; the path to the peer crosses the same access links).
 *
 * <ul>
 * <li><b>Unanswered SYN</b> (dropped by the far NAT because it arrived before the peer's own SYN left): early
 * in the punch the connect is re-issued from the same port after {@link #reissueMillis(int)}, starting
 * at a few RTTs and doubling, instead of waiting for the kernel's SYN retransmit at 1 s. A re-issued SYN has the
 * same 4-tuple, so it reuses the NAT mapping (symmetric NATs included) and refreshes the pinhole. The drop
 * happens only to SYNs sent before the peer's first SYN left, so re-issuing is needed only early; later a
 * connect is never abandoned: it may be half-way through a simultaneous open whose SYN-ACK or ACK was lost,
 * and a new SYN (new sequence number) or an abort would reset the peer's side, which may already be
 * established (seen under 30 % loss). The kernel's retransmits keep the sequence number and are safe.
 * <li><b>Refused SYN</b> (RST or ICMP from the far NAT, which had no entry yet): a stream forms only when both
 * sides' SYNs cross in flight, so during the race phase the loop retries at once after a random pause of
 * at most about one RTT (the chance per round is about the one-way delay over the round's length). After the
 * race phase the pause follows {@link Backoff}, so a pair that cannot punch does not spin for the whole run.
 * </ul>
 */
final class PunchSchedule {
    /**
     * Off: a full run showed re-issuing breaks the pair whose first SYN the far host already holds half-open in its
     * listener (full cone or public peer): the new SYN carries a new sequence number, the far side keeps answering
     * the old one, and its own connects stay "busy" on that 4-tuple until the deadline (matrix-drop, port-restricted
     * first against full cone: 2/3, 6 re-issues then no stream in 4 s). The kernel's retransmits keep the sequence
     * number and complete that handshake; they cost the restricted cone x symmetric cell its 1 s retransmit again.
     */
    static final boolean REISSUE_UNANSWERED = false;
    static final long MIN_REISSUE_MILLIS = 15;
    static final long MAX_REISSUE_MILLIS = 1000;
    /**
     * Unanswered connects that are cut short: 15, 30, 60, 120, 240, 480 ms on a LAN, about 1 s in all. It
     * covers the start skew between the peers, which on a loaded host reaches hundreds of ms (a JVM sent its
     * first SYN 230 ms after START, the other one 190 ms later still).
     */
    static final int REISSUES = 6;
    static final long MIN_RACE_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    static final long MAX_RACE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Race phase length: at least this, or 100 RTTs. */
    static final long MIN_RACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final long rttNanos;
    private final Backoff backoff;

    PunchSchedule(long rttNanos, Backoff backoff) {
        this.rttNanos = Math.max(0, rttNanos);
        this.backoff = backoff;
    }

    /**
     * Connect timeout for the {@code n}-th (>= 1) unanswered connect in a row: short for the first
     * {@link #REISSUES} + 1 connects, then {@link Integer#MAX_VALUE} (the caller caps it by the deadline) so the
     * kernel's own SYN retransmits (same sequence number) take over.
     */
    int reissueMillis(int n) {
        if (n > REISSUES) {
            return Integer.MAX_VALUE;
        }
        long ms = firstReissueMillis();
        for (int i = 1; i < n && ms < MAX_REISSUE_MILLIS; i++) {
            ms *= 2;
        }
        return (int) Math.min(ms, MAX_REISSUE_MILLIS);
    }

    private long firstReissueMillis() {
        return Math.min(500, Math.max(MIN_REISSUE_MILLIS, TimeUnit.NANOSECONDS.toMillis(4 * rttNanos) + 10));
    }

    /** Pause after the {@code n}-th (>= 1) refused connect in a row, {@code sinceStartNanos} into the punch. */
    long refusedPauseNanos(int n, long sinceStartNanos) {
        if (inRace(sinceStartNanos)) {
            long bound = Math.min(MAX_RACE_PAUSE_NANOS, Math.max(MIN_RACE_PAUSE_NANOS, rttNanos));
            return ThreadLocalRandom.current().nextLong(bound + 1);
        }
        return backoff.delayNanos(n);
    }

    boolean inRace(long sinceStartNanos) {
        return sinceStartNanos < Math.max(MIN_RACE_NANOS, 100 * rttNanos);
    }
}
