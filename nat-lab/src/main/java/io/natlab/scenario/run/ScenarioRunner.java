package io.natlab.scenario.run;

import io.natlab.scenario.run.evidence.Diagnostics;
import io.natlab.scenario.run.fidelity.LabClassifier;
import io.natlab.scenario.run.fidelity.LabFidelity;

import io.natlab.lab.Lab;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenario files through labs and collects the results of the whole run. Used by the JUnit suite (one
 * {@link ScenarioRun} per dynamic container, one pair per dynamic test) and by {@code nat-lab.jar run}.
 * Close it to close every lab it still holds.
 */
public final class ScenarioRunner implements AutoCloseable {
    static final int CLASSIFY_ATTEMPTS = 3;
    private final LabPool labs;
    private final LabClassifier classifier;
    /** Each lab's measurement, kept with the lab so a reused lab is not measured again. */
    private final Map<Lab, LabFidelity> fidelity = Collections.synchronizedMap(new IdentityHashMap<>());
    private final RunOptions options;
    private final Progress progress;
    private int started;
    private int total;
    private final TrialAllocator allocator = new TrialAllocator();
    private final Diagnostics diagnostics;
    private final ExecutorService threads;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final String startedAt = Instant.now().toString();
    private final long t0 = System.nanoTime();

    /** Labs measured with the real classifier (when {@link RunOptions#classify()}). */
    public ScenarioRunner(LabFactory factory, RunOptions options, Progress progress) {
        this(factory, LabClassifier.MEASURE, options, progress);
    }

    public ScenarioRunner(LabFactory factory, LabClassifier classifier, RunOptions options, Progress progress) {
        this.labs = new LabPool(factory, 2);
        this.classifier = classifier;
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

    /**
     * Loads a scenario file and prepares its run (prints nothing: the run announces itself when it starts, so
     * many files can be opened up front); a file that does not load becomes a failed scenario.
     */
    public ScenarioRun open(Path file) {
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (RuntimeException e) { // ValidationException, or an unreadable file
            return ScenarioRun.invalid(this, file, e.getMessage());
        }
        if (options.trialsOverride() != null) s = s.withTrials(options.trialsOverride());
        if (options.repeat() > 1) s = s.withTrials(s.trials() * options.repeat()); // flake hunting: one pooled result
        if (options.implementationsOverride() != null) s = s.withImplementations(options.implementationsOverride());
        if (options.processOverride() != null) s = s.withProcess(options.processOverride());
        diagnostics.clearScenario(s.name());
        return new ScenarioRun(this, file, s);
    }

    /** Prints "scenario i/N name", numbered in the order scenarios really start. */
    void announce(String scenarioName) {
        int index, of;
        synchronized (this) { index = ++started; of = Math.max(total, index); }
        progress.scenarioStarted(scenarioName, index, of);
    }

    /** The lab's measurement: taken once per lab (right after it starts), then reused with the lab. Never throws. */
    LabFidelity fidelity(Lab lab, String scenarioName) {
        if (!options.classify()) return LabFidelity.SKIPPED;
        LabFidelity known = fidelity.get(lab); // a leased lab serves one scenario at a time: no double measurement
        if (known != null) return known;
        long t0 = System.nanoTime();
        LabFidelity measured = null;
        RuntimeException last = null;
        // A lossy site (loss: 10) can drop a probe's only SYN: measure again before giving up.
        for (int attempt = 1; attempt <= CLASSIFY_ATTEMPTS && measured == null; attempt++) {
            try {
                measured = LabFidelity.of(lab.topology(), classifier.classify(lab, LabFidelity.measuredSites(lab.topology())),
                    (System.nanoTime() - t0) / 1e6);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        if (measured == null)
            measured = LabFidelity.failed(CLASSIFY_ATTEMPTS + " attempts, last: " + (last.getMessage() == null ? last.toString() : last.getMessage()),
                (System.nanoTime() - t0) / 1e6);
        fidelity.put(lab, measured);
        progress.labClassified(scenarioName, measured.measureMs(), measured.problems());
        return measured;
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
        io.natlab.scenario.run.launch.WarmPeers.closeAll();
        labs.close();
        threads.shutdownNow();
    }
}
