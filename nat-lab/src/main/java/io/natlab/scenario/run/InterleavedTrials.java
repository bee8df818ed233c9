package io.natlab.scenario.run;

import io.natlab.lab.Lab;
import io.natlab.result.PairResult;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.run.evidence.Diagnostics;
import io.natlab.scenario.run.fidelity.LabFidelity;
import io.natlab.scenario.run.verdict.PairSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs several pairs of one scenario on one lab trial by trial in turn instead of one pair after the other, so
 * that whatever the host does meanwhile (load, a slow disk, another lab) falls on every pair alike: the way
 * {@code nat-lab compare} runs base and head. The order alternates each round (A B, B A, A B, ...), so neither
 * side always runs right after the other.
 */
final class InterleavedTrials {
    private InterleavedTrials() {
    }

    /** Round {@code round} (1-based): the plans' indices in the order they run. */
    static List<Integer> order(int plans, int round) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plans; i++) order.add(round % 2 == 1 ? i : plans - 1 - i);
        return order;
    }

    /** {@code listen-connect (head)}: which side a progress line is about. */
    static String label(PairPlan plan) {
        String impls = plan.firstImpl().name().equals(plan.secondImpl().name()) ? plan.firstImpl().name()
            : plan.firstImpl().name() + " → " + plan.secondImpl().name();
        return plan.strategy().wireName() + " (" + impls + ")";
    }

    /**
     * The pairs' results, in the order given; a Docker failure ends every pair with an ERROR verdict.
     *
     * @param labInDoubt set to true when Docker failed under the trials
     */
    static List<PairResult> run(ScenarioRunner runner, Lab lab, Scenario scenario, LabFidelity fidelity,
                                List<PairPlan> plans, boolean[] labInDoubt) {
        List<TrialExecutor> executors = new ArrayList<>(); // one per pair: diagnostics are capped per pair
        List<List<TrialResult>> done = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            executors.add(new TrialExecutor(lab, scenario, runner.allocator(), runner.threads(), runner.diagnostics()));
            done.add(new ArrayList<>());
        }
        for (int round = 1; round <= scenario.trials(); round++) {
            for (int i : order(plans.size(), round)) {
                PairPlan plan = plans.get(i);
                try {
                    TrialResult t = executors.get(i).run(plan, round);
                    done.get(i).add(t);
                    runner.progress().trialDone(scenario.name(), plan.first(), plan.second(), label(plan), t,
                        scenario.trials());
                } catch (RuntimeException e) {
                    labInDoubt[0] = true; // Docker failed under us: do not hand this lab to the next scenario
                    int trial = round;
                    return plans.stream().map(p -> PairSummary.error(p, "trial " + trial + " could not run: " + e)).toList();
                }
            }
        }
        List<PairResult> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PairPlan plan = plans.get(i);
            List<TrialResult> trials = done.get(i);
            out.add(PairSummary.of(plan, trials, scenario.minSuccessRate(),
                PairTiming.withTiming(fidelity.forPair(scenario.topology(), plan.first(), plan.second()), scenario, plan, trials),
                fidelity.problemsForPair(scenario.topology(), plan.first(), plan.second()),
                Diagnostics.pairDir(scenario, plan), runner.options().reportDir()));
        }
        return out;
    }
}
