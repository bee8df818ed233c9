package io.natlab.scenario.run;

import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenario files a few at a time, each on its own lab. Every file is opened up front, so a caller can name
 * its tests before anything runs and then wait on each pair's own future (the JUnit suite); results arrive as the
 * scenarios finish. Why in parallel: on 2 cores, trials that wait out a failure timeout leave the CPU idle (4
 * scenarios: 81 s two at a time against 124 s one at a time). The longest scenarios start first, so the run does
 * not end with one long scenario alone.
 */
public final class ScenarioQueue implements AutoCloseable {
    /** A scenario handed to the queue: its run, a future per pair (in {@link ScenarioRun#plans()} order), and its end. */
    public record Scheduled(ScenarioRun run, List<CompletableFuture<PairResult>> pairs,
                            CompletableFuture<ScenarioResult> finished) {}

    private final ScenarioRunner runner;
    private final ExecutorService pool;
    private final List<Scheduled> scheduled = new ArrayList<>();

    /** @param parallel scenarios running at once, at least 1 */
    public ScenarioQueue(ScenarioRunner runner, int parallel) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        this.runner = runner;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "natlab-scenario-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens every file and queues its run; the result is in the given file order. */
    public synchronized List<Scheduled> submitAll(List<Path> files) {
        runner.runStarted(files.size());
        List<Scheduled> mine = new ArrayList<>();
        for (Path f : files) {
            ScenarioRun run = runner.open(f);
            List<CompletableFuture<PairResult>> pairs = new ArrayList<>();
            run.plans().forEach(p -> pairs.add(new CompletableFuture<>()));
            mine.add(new Scheduled(run, List.copyOf(pairs), new CompletableFuture<>()));
        }
        mine.stream().sorted(Comparator.comparingDouble((Scheduled s) -> estimatedMs(s.run())).reversed())
            .forEach(s -> pool.execute(() -> runAll(s)));
        scheduled.addAll(mine);
        return mine;
    }

    /** Waits until every queued scenario finished; results in submission order. */
    public List<ScenarioResult> awaitAll() {
        List<Scheduled> all;
        synchronized (this) { all = List.copyOf(scheduled); }
        return all.stream().map(s -> s.finished().join()).toList();
    }

    private static void runAll(Scheduled s) {
        try {
            for (int i = 0; i < s.pairs().size(); i++) s.pairs().get(i).complete(s.run().run(s.run().plans().get(i)));
        } catch (Throwable t) { // run() turns problems into ERROR verdicts; this is a bug or an interrupt
            s.pairs().forEach(p -> p.completeExceptionally(t));
        } finally {
            try {
                s.finished().complete(s.run().finish());
            } catch (Throwable t) {
                s.finished().completeExceptionally(t);
            }
        }
    }

    /**
     * Rough wall time of a scenario, only to order the queue: a trial costs about 2 s of set-up and evidence, plus
     * the whole client timeout when the pair is expected to fail. An invalid file costs nothing.
     */
    static double estimatedMs(ScenarioRun run) {
        Scenario s = run.scenario();
        if (s == null) return 0;
        return run.plans().stream().mapToDouble(p -> s.trials()
            * (2000 + (p.expected().outcome() == Expectation.FAILED ? s.timeout().toMillis() : s.budget().toMillis() / 4.0)))
            .sum();
    }

    /** Stops whatever still runs; any scenario not finished by then ends its futures with a cancellation. */
    @Override public void close() {
        pool.shutdownNow();
        List<Scheduled> all;
        synchronized (this) { all = List.copyOf(scheduled); }
        CancellationException stopped = new CancellationException("the run was stopped before this scenario finished");
        for (Scheduled s : all) {
            s.pairs().forEach(p -> p.completeExceptionally(stopped));
            s.finished().completeExceptionally(stopped);
        }
    }
}
