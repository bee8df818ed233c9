package io.natlab.punch.server;

import java.time.Duration;

/**
 * Limits that keep unregistered clients from locking registered ones out (see docs/punch-core.md, "Limits and
 * defences").
 *
 * @param maxUnregistered           connections allowed at once before their REGISTER; the rest of
 *                                  {@code maxConnections} is a reserve only registered clients use. When full,
 *                                  a new connection displaces the oldest unregistered one.
 * @param maxUnregisteredPerSource  unregistered connections one source address (IPv6: one /64) may hold once
 *                                  half of {@code maxUnregistered} is in use; more from it are refused
 * @param freeFailures              failed registrations a source may have before it is slowed down; the count
 *                                  drains by one every {@code forgiveEvery}
 * @param firstPenalty              how long a source is refused after its first failure beyond the free ones;
 *                                  doubles with each further failure
 * @param maxPenalty                longest refusal
 * @param forgiveEvery              time after which one failure is forgotten
 */
public record ServerDefences(int maxUnregistered, int maxUnregisteredPerSource, int freeFailures,
                             Duration firstPenalty, Duration maxPenalty, Duration forgiveEvery) {

    public ServerDefences {
        if (maxUnregistered < 1 || maxUnregisteredPerSource < 1) {
            throw new IllegalArgumentException("unregistered connection limits must be >= 1");
        }
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must be >= 0");
        }
        for (Duration d : new Duration[] {firstPenalty, maxPenalty, forgiveEvery}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("penalty durations must be positive");
            }
        }
    }

    /** Defaults for a server of {@code maxConnections}: a quarter may be unregistered, the rest is the reserve. */
    public static ServerDefences forMaxConnections(int maxConnections) {
        int unregistered = Math.max(1, maxConnections / 4);
        return new ServerDefences(unregistered, Math.min(64, unregistered), 5, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public ServerDefences withUnregistered(int max, int perSource) {
        return new ServerDefences(max, perSource, freeFailures, firstPenalty, maxPenalty, forgiveEvery);
    }

    public ServerDefences withPenalties(int free, Duration first, Duration max) {
        return new ServerDefences(maxUnregistered, maxUnregisteredPerSource, free, first, max, forgiveEvery);
    }
}
