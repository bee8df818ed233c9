package io.natlab.punch.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delay before the next connect after a quick failure (RST, ICMP, port busy). Starts at {@code initial},
 * doubles per consecutive failure up to {@code max}, with +-50 % jitter.
 *
 * <p>Kept short on purpose: behind NATs that answer with RST (and on loopback) a stream forms only when
 * both sides' SYNs are in flight at the same time, and the chance of that per try is about the one-way delay
 * divided by the retry interval. Jitter stops two sides from failing in lockstep.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5));

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max");
        }
    }

    /** Nanoseconds to wait after {@code consecutiveFailures} (>= 1) failures in a row. */
    public long delayNanos(int consecutiveFailures) {
        long base = initial.toNanos();
        for (int i = 1; i < consecutiveFailures && base < max.toNanos(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toNanos());
        if (base == 0) {
            return 0;
        }
        return base / 2 + ThreadLocalRandom.current().nextLong(base);
    }
}
