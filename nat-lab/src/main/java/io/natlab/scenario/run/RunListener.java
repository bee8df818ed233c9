package io.natlab.scenario.run;

import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;

/** Progress events of a run, for console output. Called from the running thread; implementations must be quick. */
public interface RunListener {
    default void scenarioStarted(String name, int pairs) {}
    default void labStarted(String scenario, double ms, boolean reused) {}
    default void trialFinished(String scenario, PairPlan plan, TrialResult trial) {}
    default void pairFinished(String scenario, PairResult pair) {}
    default void scenarioFinished(ScenarioResult result) {}

    RunListener NONE = new RunListener() {};
}
