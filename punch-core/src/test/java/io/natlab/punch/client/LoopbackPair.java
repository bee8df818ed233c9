package io.natlab.punch.client;

import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs two clients at once and keeps each side's events, for assertions. */
final class LoopbackPair {
    final List<PunchEvent> aEvents = new CopyOnWriteArrayList<>();
    final List<PunchEvent> bEvents = new CopyOnWriteArrayList<>();
    PunchResult a;
    PunchResult b;

    static LoopbackPair run(PunchConfig a, PunchConfig b, ExecutorService pool) throws Exception {
        LoopbackPair pair = new LoopbackPair();
        CompletableFuture<PunchResult> fa = CompletableFuture.supplyAsync(
                () -> new PunchClient(a, pair.aEvents::add).punch(), pool);
        CompletableFuture<PunchResult> fb = CompletableFuture.supplyAsync(
                () -> new PunchClient(b, pair.bEvents::add).punch(), pool);
        long limit = Math.max(a.timeout().toMillis(), b.timeout().toMillis()) + 10_000;
        pair.a = fa.get(limit, TimeUnit.MILLISECONDS);
        pair.b = fb.get(limit, TimeUnit.MILLISECONDS);
        return pair;
    }

    static long count(List<PunchEvent> events, Class<? extends PunchEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
