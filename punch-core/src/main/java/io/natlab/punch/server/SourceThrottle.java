package io.natlab.punch.server;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down sources that keep failing to register (wrong token, garbage, no REGISTER in time). Each source has
 * a failure level that drains by one every {@code forgiveEvery}; past {@code freeFailures}, every failure shuts
 * the source out for a penalty that doubles per failure up to {@code maxPenalty}. A client that mistypes its
 * token or retries slowly is never shut out; one that guesses thousands of tokens a second gets a few per
 * minute. Tracks at most {@link #MAX_SOURCES} sources (least recently failed forgotten first), so its memory
 * is bounded. Pure and single-threaded; times are {@link System#nanoTime()} values.
 */
final class SourceThrottle {
    static final int MAX_SOURCES = 10_000;

    private static final class Level {
        double failures;
        long lastUpdate;
        long blockedUntil;
    }

    private final ServerDefences defences;
    private final Map<InetAddress, Level> levels = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Level> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    SourceThrottle(ServerDefences defences) {
        this.defences = defences;
    }

    /** Nanoseconds {@code address} must still wait before a new connection is served, 0 when it may connect. */
    long waitNanos(InetAddress address, long now) {
        Level level = levels.get(SourceAddress.of(address));
        return level == null ? 0 : Math.max(0, level.blockedUntil - now);
    }

    /** Records a failed registration from {@code address}. */
    void failed(InetAddress address, long now) {
        Level level = levels.computeIfAbsent(SourceAddress.of(address), k -> new Level());
        drain(level, now);
        level.failures += 1;
        double over = level.failures - defences.freeFailures();
        if (over > 0) {
            int doublings = (int) Math.min(30, Math.ceil(over) - 1);
            long penalty = Math.min(defences.maxPenalty().toNanos(), defences.firstPenalty().toNanos() << doublings);
            level.blockedUntil = Math.max(level.blockedUntil, now + penalty);
        }
    }

    int trackedSources() {
        return levels.size();
    }

    private void drain(Level level, long now) {
        if (level.lastUpdate != 0) {
            double forgiven = (now - level.lastUpdate) / (double) defences.forgiveEvery().toNanos();
            level.failures = Math.max(0, level.failures - forgiven);
        }
        level.lastUpdate = now;
    }
}
