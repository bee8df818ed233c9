package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import io.natlab.result.ScenarioResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs scenario files for {@code nat-lab compare}: the runner's implementations must be exactly base and head; of
 * every pair only base × base and head × head run (a mixed pair measures neither version), their trials interleaved
 * on the same lab ({@link ScenarioRun#runInterleaved}). A few scenarios run at once, each on its own lab.
 */
public final class ComparisonQueue {
    private ComparisonQueue() {
    }

    /** Runs every file and waits; the scenarios' results in file order. */
    public static List<ScenarioResult> runAll(ScenarioRunner runner, List<Path> files, Implementation base,
                                              Implementation head, int parallel) {
        runner.runStarted(files.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "natlab-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ScenarioResult>> futures = new ArrayList<>();
            for (Path f : files) {
                ScenarioRun run = runner.open(f);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        groups(run.plans(), base, head).forEach(run::runInterleaved);
                    } finally {
                        run.finish();
                    }
                    return run.finish();
                }, pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The plans to run, as [base × base, head × head] groups of the same pair, role order and strategy, in plan
     * order; mixed pairs and other implementations are left out.
     */
    static List<List<PairPlan>> groups(List<PairPlan> plans, Implementation base, Implementation head) {
        Map<String, PairPlan[]> byCell = new LinkedHashMap<>();
        for (PairPlan p : plans) {
            int side = same(p, base) ? 0 : same(p, head) ? 1 : -1;
            if (side < 0) continue;
            byCell.computeIfAbsent(p.first() + "\n" + p.second() + "\n" + p.strategy().wireName(),
                k -> new PairPlan[2])[side] = p;
        }
        return byCell.values().stream().filter(g -> g[0] != null && g[1] != null).map(List::of).toList();
    }

    private static boolean same(PairPlan p, Implementation impl) {
        return p.firstImpl().name().equals(impl.name()) && p.secondImpl().name().equals(impl.name());
    }
}
