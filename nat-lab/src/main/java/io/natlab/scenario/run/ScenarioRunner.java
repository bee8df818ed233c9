package io.natlab.scenario.run;

import io.natlab.report.Progress;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenario files through labs and collects the results of the whole run. Used by the JUnit suite (one
 * {@link ScenarioRun} per dynamic container, one pair per dynamic test) and by {@code nat-lab.jar run}.
 * Close it to close every lab it still holds.
 */
public final class ScenarioRunner implements AutoCloseable {
    private final LabPool labs;
    private final RunOptions options;
    private final Progress progress;
    private int opened;
    private int total;
    private final TrialAllocator allocator = new TrialAllocator();
    private final Diagnostics diagnostics;
    private final ExecutorService threads;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final String startedAt = Instant.now().toString();
    private final long t0 = System.nanoTime();

    public ScenarioRunner(LabFactory factory, RunOptions options, Progress progress) {
        this.labs = new LabPool(factory, 2);
        this.options = options;
        this.progress = progress;
        this.diagnostics = new Diagnostics(options.reportDir(), options.repoRoot());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "natlab-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Announces how many scenario files this run will open (for progress lines). */
    public synchronized void runStarted(int scenarios) {
        total = scenarios;
        progress.runStarted(scenarios);
    }

    /** Loads a scenario file and prepares its run; a file that does not load becomes a failed scenario. */
    public ScenarioRun open(Path file) {
        int index;
        synchronized (this) { index = ++opened; }
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (RuntimeException e) { // ValidationException, or an unreadable file
            progress.scenarioStarted(file.getFileName().toString(), index, Math.max(total, index));
            return ScenarioRun.invalid(this, file, e.getMessage());
        }
        if (options.trialsOverride() != null) s = s.withTrials(options.trialsOverride());
        progress.scenarioStarted(s.name(), index, Math.max(total, index));
        diagnostics.clearScenario(s.name());
        return new ScenarioRun(this, file, s);
    }

    LabPool labs() { return labs; }
    RunOptions options() { return options; }
    Progress progress() { return progress; }
    Diagnostics diagnostics() { return diagnostics; }
    TrialAllocator allocator() { return allocator; }
    ExecutorService threads() { return threads; }

    synchronized void record(ScenarioResult r) {
        results.add(r);
        progress.scenarioDone(r);
    }

    /** Everything run so far. */
    public synchronized RunResult result() {
        return new RunResult(RunResult.SCHEMA_VERSION, startedAt, (System.nanoTime() - t0) / 1e6, HostInfo.describe(),
            List.copyOf(results));
    }

    @Override public void close() {
        labs.close();
        threads.shutdownNow();
    }
}
