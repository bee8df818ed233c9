package io.natlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The lab's worker threads: Docker calls for many containers run side by side; the first failure is rethrown. */
final class LabJobs {
    private final ExecutorService pool;

    LabJobs(String labId) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "natlab-" + labId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    ExecutorService pool() { return pool; }

    <T> Future<T> submit(Callable<T> job) { return pool.submit(job); }

    <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new LabStartException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while starting the lab");
        }
    }

    /** Runs one job per item, waits for all, and rethrows the first failure. */
    <T> void forEach(List<T> items, ThrowingConsumer<T> job) {
        List<Future<Void>> futures = items.stream().map(i -> pool.submit(() -> { job.accept(i); return (Void) null; })).toList();
        RuntimeException first = null;
        for (Future<Void> f : futures) {
            try { await(f); } catch (RuntimeException e) { if (first == null) first = e; }
        }
        if (first != null) throw first;
    }

    /**
     * Stops taking work. Queued jobs are cancelled (waking whoever waits on them), but running ones are NOT
     * interrupted: an interrupted docker-java call returns at once while the daemon still creates the object
     * (seen in CI: a network left behind), so they are given time to finish.
     */
    void shutdown() {
        if (pool instanceof ThreadPoolExecutor tpe) {
            List<Runnable> queued = new ArrayList<>();
            tpe.getQueue().drainTo(queued);
            queued.forEach(r -> { if (r instanceof Future<?> f) f.cancel(false); });
        }
        pool.shutdown();
        try { pool.awaitTermination(10, TimeUnit.SECONDS); }
        catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    @FunctionalInterface interface ThrowingConsumer<T> { void accept(T t) throws Exception; }
}
