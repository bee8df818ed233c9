package io.natlab.punch.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes the run's deadline hard: when it passes, every guarded socket is closed, so no blocking call can
 * outlive it. Socket timeouts alone are not enough: a peer that trickles bytes satisfies each read's
 * SO_TIMEOUT while the whole read takes as long as the peer likes (a 12 s client ran 16 s under loss).
 */
final class DeadlineWatchdog implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Set<AutoCloseable> guarded = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> task;
    private volatile boolean fired;

    DeadlineWatchdog(Deadline deadline) {
        this.task = TIMER.schedule(this::fire, Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "punch-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Closes {@code closeable} when the deadline passes (at once if it already has). */
    <T extends AutoCloseable> T guard(T closeable) {
        guarded.add(closeable);
        if (fired) {
            ReusableSockets.closeQuietly(closeable);
        }
        return closeable;
    }

    /** True once the deadline passed and the guarded sockets were closed. */
    boolean fired() {
        return fired;
    }

    /** Closes the guarded sockets now (the run was stopped from outside). */
    void fireNow() {
        fire();
    }

    private void fire() {
        fired = true;
        for (AutoCloseable c : guarded) {
            if (c instanceof java.net.Socket s) {
                ReusableSockets.closeAbortively(s);
            } else {
                ReusableSockets.closeQuietly(c);
            }
        }
    }

    @Override
    public void close() {
        task.cancel(false);
        guarded.clear();
    }
}
