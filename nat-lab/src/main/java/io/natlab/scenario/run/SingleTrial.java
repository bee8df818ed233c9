package io.natlab.scenario.run;

import io.natlab.lab.Lab;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.run.evidence.Diagnostics;
import io.natlab.scenario.run.verdict.ClientRun;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The scenario runner's trial code, one trial at a time, on a lab someone else holds: {@code nat-lab punch} on an
 * interactive lab and {@code nat-lab conformance}. Trials get fresh ids and ports, as in a scenario run.
 */
public final class SingleTrial implements AutoCloseable {
    /** What one trial did: its judged result, both client processes (first, second), and its evidence (or null). */
    public record Outcome(TrialResult result, List<ClientRun> clients, Path evidence) {
        public ClientRun first() { return clients.get(0); }
        public ClientRun second() { return clients.get(1); }
    }

    private final Lab lab;
    private final Scenario scenario;
    private final Path reportDir;
    private final Diagnostics diagnostics;
    private final TrialAllocator allocator = new TrialAllocator();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "natlab-single-trial");
        t.setDaemon(true);
        return t;
    });
    private int index;

    /** @param reportDir where evidence goes ({@code <reportDir>/<scenario>/<pair>/trial-N}) */
    public SingleTrial(Lab lab, Scenario scenario, Path reportDir, Path repoRoot) {
        this.lab = lab;
        this.scenario = scenario;
        this.reportDir = reportDir;
        this.diagnostics = new Diagnostics(reportDir, repoRoot);
    }

    /** Runs one trial of {@code plan}; {@code keepEvidence} keeps captures and logs even when it succeeded. */
    public synchronized Outcome run(PairPlan plan, boolean keepEvidence) {
        TrialExecutor trial = new TrialExecutor(lab, scenario, allocator, threads, diagnostics);
        trial.keepEveryTrial = keepEvidence;
        TrialResult r = trial.run(plan, ++index);
        return new Outcome(r, trial.lastClients, r.diagnostics() == null ? null : reportDir.resolve(r.diagnostics()));
    }

    @Override public void close() {
        threads.shutdownNow();
    }
}
