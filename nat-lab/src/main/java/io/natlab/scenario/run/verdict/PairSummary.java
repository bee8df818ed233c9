package io.natlab.scenario.run.verdict;

import io.natlab.scenario.run.PairPlan;

import io.natlab.stats.Interval;
import io.natlab.stats.Stats;
import io.natlab.result.FailedAt;
import io.natlab.result.PairResult;
import io.natlab.result.Stability;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Condenses a pair's trials into its {@link PairResult}: counts, interval, percentiles, verdict. Pure. */
public final class PairSummary {
    private PairSummary() {}

    /**
     * @param classification path -> what the lab measured there (empty when not measured)
     * @param fidelityProblems where the measured lab contradicts the scenario's claim: named in the message (the
     *                         verdict stays the punch's own; a verdict on a lab that is not what it claims is suspect)
     * @param reportDir used only to print an absolute diagnostics path in the message
     */
    public static PairResult of(PairPlan plan, List<TrialResult> trials, double minSuccessRate,
                                Map<String, String> classification, List<String> fidelityProblems,
                                String pairDiagnostics, Path reportDir) {
        int successes = (int) trials.stream().filter(TrialResult::success).count();
        Interval ci = Stats.wilson(successes, trials.size());
        List<Double> ttp = trials.stream().filter(TrialResult::success).map(TrialResult::timeToPunchMs).toList();
        Map<String, Integer> methods = new TreeMap<>();
        trials.stream().filter(TrialResult::success).forEach(t -> methods.merge(t.method() == null ? "null" : t.method().wireName(), 1, Integer::sum));
        double meanAttempts = trials.stream().mapToInt(TrialResult::attempts).average().orElse(0);
        Map<FailedAt, Integer> failedAt = new TreeMap<>();
        trials.stream().filter(t -> t.failedAt() != null).forEach(t -> failedAt.merge(t.failedAt(), 1, Integer::sum));
        boolean anyDiagnostics = trials.stream().anyMatch(t -> t.diagnostics() != null);
        String diag = anyDiagnostics ? pairDiagnostics : null;
        Judgement j = Judgement.of(plan.expected().outcome(), successes, trials.size(), minSuccessRate,
            plan.expected().ruleId() + ": " + plan.expected().reason(),
            diag == null ? null : reportDir.resolve(diag).toAbsolutePath().normalize().toString());
        Stability stability = StabilityRule.of(plan.expected().outcome(), successes, trials.size(), minSuccessRate);
        return new PairResult(plan.first(), plan.second(), plan.firstNat(), plan.secondNat(), plan.unsolicited(),
            plan.strategy().wireName(), plan.declared().yamlName(), plan.expected().outcome().outcome(),
            plan.expected().ruleId() + ": " + plan.expected().reason(), j.observed(), successes, trials.size(),
            ci.low(), ci.high(), Stats.percentile(ttp, 50), Stats.percentile(ttp, 95), Stats.max(ttp),
            methods, meanAttempts, classification, j.verdict(),
            j.message() + flakyNote(stability, ci) + io.natlab.scenario.stream.StreamJudge.pairNote(trials) + failedAtNote(failedAt) + fidelityNote(fidelityProblems),
            List.copyOf(trials), diag, failedAt, plan.conditions(), plan.firstImpl().name(), plan.secondImpl().name(),
            stability, null);
    }

    /** {@code ; FLAKY: ...} when the interval straddles the threshold, or nothing. */
    static String flakyNote(Stability s, Interval ci) {
        if (s == null || !s.flaky()) return "";
        return "; FLAKY: the 95% CI " + ci + " straddles the " + Math.round(s.threshold() * 100)
            + "% threshold, so this verdict could have gone either way";
    }

    /** {@code ; stopped at: punch 2, stream 7}, or nothing when every trial succeeded. */
    static String failedAtNote(Map<FailedAt, Integer> failedAt) {
        if (failedAt.isEmpty()) return "";
        StringBuilder b = new StringBuilder("; not a success, stopped at: ");
        failedAt.forEach((phase, n) -> b.append(phase.jsonName()).append(' ').append(n).append(", "));
        return b.substring(0, b.length() - 2);
    }

    /**
     * {@code ; LAB FIDELITY WARNING: home-a: filtering: claimed ..., measured ...}, or nothing. Only measured
     * contradictions land here; properties that could not be measured are named in the classification instead.
     */
    static String fidelityNote(List<String> problems) {
        if (problems.isEmpty()) return "";
        return "; LAB FIDELITY WARNING (the lab measured differently from the scenario's claim, so this verdict tests "
            + "another NAT): " + String.join("; ", problems);
    }

    /** A pair that could not run at all (the lab did not start, Docker failed mid-run). */
    public static PairResult error(PairPlan plan, String why) {
        return new PairResult(plan.first(), plan.second(), plan.firstNat(), plan.secondNat(), plan.unsolicited(),
            plan.strategy().wireName(), plan.declared().yamlName(), plan.expected().outcome().outcome(),
            plan.expected().ruleId() + ": " + plan.expected().reason(), null, 0, 0, 0, 1, null, null, null,
            Map.of(), 0, Map.of(), Verdict.ERROR, "ERROR: " + why, List.of(), null, Map.of(), plan.conditions(),
            plan.firstImpl().name(), plan.secondImpl().name());
    }
}
