package io.natlab.punch.client;

import java.time.Duration;

/**
 * Whether and how a punched stream is held after the echo check (see {@link HeldStream}).
 *
 * @param hold        how long to hold the stream after it is up; zero: no hold, the run ends after the check
 * @param heartbeat   interval between heartbeats each side sends
 * @param idleTimeout the stream is declared dead when nothing arrived from the peer for this long
 * @param recover     after a detected break, re-punch through the rendezvous server and resume the heartbeats
 */
public record HoldConfig(Duration hold, Duration heartbeat, Duration idleTimeout, boolean recover) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(200);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMillis(1000);
    /** Longest hold accepted, so a typo cannot keep a lab trial busy for days. */
    public static final Duration MAX_HOLD = Duration.ofHours(1);
    /** Shortest heartbeat interval: below it the heartbeats would be a load test, not a liveness check. */
    public static final Duration MIN_HEARTBEAT = Duration.ofMillis(10);

    /** No hold: the stream is closed after the echo check. */
    public static final HoldConfig NONE = new HoldConfig(Duration.ZERO, DEFAULT_HEARTBEAT, DEFAULT_IDLE_TIMEOUT, false);

    public HoldConfig {
        if (hold == null || hold.isNegative() || hold.compareTo(MAX_HOLD) > 0) {
            throw new IllegalArgumentException("hold must be 0.." + MAX_HOLD.toMinutes() + " min, got " + hold);
        }
        if (heartbeat == null || heartbeat.compareTo(MIN_HEARTBEAT) < 0 || heartbeat.compareTo(MAX_HOLD) > 0) {
            throw new IllegalArgumentException("heartbeat must be at least " + MIN_HEARTBEAT.toMillis()
                    + " ms, got " + heartbeat);
        }
        if (idleTimeout == null || idleTimeout.compareTo(heartbeat) <= 0 || idleTimeout.compareTo(MAX_HOLD) > 0) {
            throw new IllegalArgumentException("idle timeout must be longer than the heartbeat interval ("
                    + heartbeat.toMillis() + " ms), got " + idleTimeout);
        }
    }

    /** A hold of {@code hold} with the default heartbeat (200 ms) and idle timeout (1 s), without recovery. */
    public static HoldConfig of(Duration hold) {
        return new HoldConfig(hold, DEFAULT_HEARTBEAT, DEFAULT_IDLE_TIMEOUT, false);
    }

    public boolean enabled() {
        return !hold.isZero();
    }

    public HoldConfig withHeartbeat(Duration h) {
        return new HoldConfig(hold, h, idleTimeout, recover);
    }

    public HoldConfig withIdleTimeout(Duration t) {
        return new HoldConfig(hold, heartbeat, t, recover);
    }

    public HoldConfig withRecover(boolean r) {
        return new HoldConfig(hold, heartbeat, idleTimeout, r);
    }
}
