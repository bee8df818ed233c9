package io.natlab.scenario.run;

import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;

/**
 * What the runner reports while it works: the runner's listener, implemented by the console and report side. Every method may be called from several threads (scenarios run in
 * parallel), so each call carries the scenario name. All methods default to doing nothing.
 */
public interface Progress {

    /** Prints nothing. */
    Progress QUIET = new Progress() {};

    /** Before the first scenario; starts the run's elapsed-time clock. */
    default void runStarted(int scenarios) {}

    /** @param index 1-based position among {@code total} scenarios */
    default void scenarioStarted(String scenario, int index, int total) {}

    /** The scenario's lab is up. @param labStartMs time it took, 0 when an existing lab was reused */
    default void labStarted(String scenario, double labStartMs) {}

    /**
     * The scenario's lab was measured ({@code nat-lab} classifies each lab once, right after it starts).
     * @param classifyMs time the measurement took
     * @param problems   paths whose measured behaviour contradicts the scenario's claim, or why measuring failed;
     *                   empty when the lab does what the scenario claims
     */
    default void labClassified(String scenario, double classifyMs, java.util.List<String> problems) {}

    /** One trial finished. @param trials how many trials this pair runs in all */
    default void trialDone(String scenario, String first, String second, String strategy, TrialResult trial, int trials) {}

    /** A pair (one order, one strategy) got its verdict. */
    default void pairDone(String scenario, PairResult pair) {}

    /** The scenario finished, or could not run ({@code result.error()} set). */
    default void scenarioDone(ScenarioResult result) {}
}
