package io.natlab.punch.client;

import java.time.Duration;

/** A point on the monotonic clock, and the duration it was set from (for error messages). */
record Deadline(long nanos, Duration total) {
    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos(), duration);
    }

    long remainingNanos() {
        return nanos - System.nanoTime();
    }

    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** Remaining time in ms for socket timeouts: at least 1 (0 would mean "forever"), at most {@code cap}. */
    int remainingMillis(long cap) {
        long ms = (remainingNanos() + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(ms, cap));
    }
}
