package io.natlab.cli;

import io.natlab.report.Progress;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices Ctrl-C (or SIGTERM) during a run. The labs remove themselves in their own shutdown hooks; meanwhile the
 * run's threads see containers vanish and would report those as trial errors and write a misleading report. This
 * says once that the run was interrupted, and mutes the progress and the report from then on.
 */
final class InterruptWatch implements AutoCloseable {
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Thread hook;

    InterruptWatch(PrintWriter err) {
        hook = new Thread(() -> {
            interrupted.set(true);
            err.println("run: interrupted; removing the labs' containers and networks");
            err.flush();
        }, "natlab-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean interrupted() { return interrupted.get(); }

    /** {@code progress} until an interrupt, silence after it. */
    Progress mute(Progress progress) {
        return new Progress() {
            @Override public void runStarted(int scenarios) { if (!interrupted()) progress.runStarted(scenarios); }
            @Override public void scenarioStarted(String s, int index, int total) { if (!interrupted()) progress.scenarioStarted(s, index, total); }
            @Override public void labStarted(String s, double ms) { if (!interrupted()) progress.labStarted(s, ms); }
            @Override public void trialDone(String s, String first, String second, String strategy, TrialResult t, int trials) {
                if (!interrupted()) progress.trialDone(s, first, second, strategy, t, trials);
            }
            @Override public void pairDone(String s, PairResult p) { if (!interrupted()) progress.pairDone(s, p); }
            @Override public void scenarioDone(ScenarioResult r) { if (!interrupted()) progress.scenarioDone(r); }
        };
    }

    /** The run ended by itself: a later exit is not an interrupt. */
    @Override public void close() {
        try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException shuttingDown) { /* interrupted */ }
    }
}
