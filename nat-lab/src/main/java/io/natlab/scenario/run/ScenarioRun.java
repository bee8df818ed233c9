package io.natlab.scenario.run;

import io.natlab.scenario.run.cli.RerunCommand;
import io.natlab.scenario.run.control.NegativeControls;
import io.natlab.scenario.run.evidence.Diagnostics;
import io.natlab.scenario.run.fidelity.LabFidelity;
import io.natlab.scenario.run.verdict.PairSummary;

import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scenario file being run: its pairs run one by one ({@link #run}), each trial on the same lab, started on first
 * use (or reused from the pool); {@link #finish} gives the lab back and records the scenario's result.
 */
public final class ScenarioRun {
    private final ScenarioRunner runner;
    private final Path file;
    private final Scenario scenario;
    private final String loadError;
    private final List<PairPlan> plans;
    private final List<PairResult> pairs = new ArrayList<>();
    /** When the scenario started running (not when it was queued), for its wall time. */
    private long t0;
    private LabPool.Lease lease;
    private String labError;
    private boolean labInDoubt;
    private double labStartMs;
    private LabFidelity fidelity = LabFidelity.SKIPPED;
    private boolean announced;
    private ScenarioResult result;

    ScenarioRun(ScenarioRunner runner, Path file, Scenario scenario) {
        this.runner = runner;
        this.file = file;
        this.scenario = scenario;
        this.loadError = null;
        this.plans = PairPlan.expand(scenario);
    }

    private ScenarioRun(ScenarioRunner runner, Path file, String loadError) {
        this.runner = runner;
        this.file = file;
        this.scenario = null;
        this.loadError = loadError;
        this.plans = List.of();
    }

    static ScenarioRun invalid(ScenarioRunner runner, Path file, String error) {
        return new ScenarioRun(runner, file, error);
    }

    public Path file() { return file; }
    /** Null when the file did not load. */
    public Scenario scenario() { return scenario; }
    /** Why the file did not load, null when it did. */
    public String loadError() { return loadError; }
    public List<PairPlan> plans() { return plans; }

    /** Runs every trial of one pair and judges it. Never throws: problems become an ERROR verdict. */
    public synchronized PairResult run(PairPlan plan) {
        if (result != null) throw new IllegalStateException("scenario already finished");
        announce();
        PairResult r;
        if (!ensureLab()) {
            r = PairSummary.error(plan, "lab failed to start: " + labError);
        } else {
            r = runTrials(plan);
        }
        pairs.add(r);
        runner.progress().pairDone(scenario.name(), r);
        return r;
    }

    /** Runs several pairs trial by trial in turn on this lab ({@link InterleavedTrials}): nat-lab compare's base and head. */
    public synchronized List<PairResult> runInterleaved(List<PairPlan> group) {
        if (result != null) throw new IllegalStateException("scenario already finished");
        announce();
        boolean[] doubt = {false};
        List<PairResult> rs = !ensureLab() ? group.stream().map(p -> PairSummary.error(p, "lab failed to start: " + labError)).toList()
            : InterleavedTrials.run(runner, lease.lab(), scenario, fidelity, group, doubt);
        labInDoubt |= doubt[0];
        rs.forEach(r -> { pairs.add(r); runner.progress().pairDone(scenario.name(), r); });
        return rs;
    }

    private PairResult runTrials(PairPlan plan) {
        TrialExecutor trials = new TrialExecutor(lease.lab(), scenario, runner.allocator(), runner.threads(),
            runner.diagnostics());
        List<TrialResult> done = new ArrayList<>();
        io.natlab.result.NegativeControl control;
        try {
            control = NegativeControls.forPair(lease.lab(), plan.first(), plan.second(), plan.conditions());
            for (int i = 1; i <= scenario.trials(); i++) {
                TrialResult t = trials.run(plan, i);
                done.add(t);
                runner.progress().trialDone(scenario.name(), plan.first(), plan.second(), plan.strategy().wireName(), t,
                    scenario.trials());
            }
        } catch (RuntimeException e) {
            labInDoubt = true; // Docker failed under us: do not hand this lab to the next scenario
            return PairSummary.error(plan, "trial " + (done.size() + 1) + " could not run: " + e);
        }
        return PairSummary.of(plan, done, scenario.minSuccessRate(),
            PairTiming.withTiming(fidelity.forPair(scenario.topology(), plan.first(), plan.second()), scenario, plan, done),
            fidelity.problemsForPair(scenario.topology(), plan.first(), plan.second()),
            Diagnostics.pairDir(scenario, plan), runner.options().reportDir()).withControl(control);
    }

    private boolean ensureLab() {
        if (lease != null) return true;
        if (labError != null) return false;
        try {
            lease = runner.labs().acquire(scenario.topology(), scenario.implementations());
            labStartMs = lease.startMs();
            runner.progress().labStarted(scenario.name(), labStartMs);
        } catch (Exception e) {
            labError = e.getMessage() == null ? e.toString() : e.getMessage();
            return false;
        }
        fidelity = runner.fidelity(lease.lab(), scenario.name());
        return true;
    }

    private void announce() {
        if (announced) return;
        announced = true;
        t0 = System.nanoTime();
        runner.announce(scenario != null ? scenario.name() : fileStem());
    }

    /** Releases the lab and records the scenario's result. Idempotent. */
    public synchronized ScenarioResult finish() {
        if (result != null) return result;
        announce();
        if (lease != null) {
            if (labInDoubt) lease.lab().close();
            else runner.labs().release(scenario.topology(), scenario.implementations(), lease.lab());
        }
        String error = loadError != null ? "invalid scenario file: " + loadError
            : labError != null ? "lab failed to start: " + labError : null;
        result = new ScenarioResult(scenario != null ? scenario.name() : fileStem(), file.toString(),
            scenario != null ? scenario.description() : null, labStartMs, (System.nanoTime() - t0) / 1e6,
            List.copyOf(pairs), error, RerunCommand.maven(file));
        runner.record(result);
        return result;
    }

    /** The name of a file that did not load: escaped, since it is printed in console lines and reports. */
    private String fileStem() {
        String n = file.getFileName().toString();
        return io.natlab.punch.Printable.escape(n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n);
    }
}
