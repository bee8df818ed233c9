package io.natlab.scenario.run;

import io.natlab.result.TrialResult;
import io.natlab.scenario.Scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The pair's round trip and budget, for the report's classification list (an extra {@code "pair rtt"} entry):
 * configured path RTT, the measured one (median of the clients' RTT over the punched streams) and the budget in
 * both forms ({@code 2rtt + 100ms = 260 ms}). Only for pairs with latency or an RTT-relative budget. Pure.
 */
final class PairTiming {
    private PairTiming() {}

    static final String KEY = "pair rtt";

    static Map<String, String> withTiming(Map<String, String> classification, Scenario s, PairPlan plan, List<TrialResult> trials) {
        Duration rtt = s.rttOf(plan.first(), plan.second());
        boolean relative = s.budgetRule() != null && s.budgetRule().relative();
        if (rtt.isZero() && !relative) return classification;
        Map<String, String> out = new LinkedHashMap<>(classification);
        out.put(KEY, describe(rtt, trials.stream().map(TrialResult::rttMs).filter(Objects::nonNull).toList(), s, plan));
        return out;
    }

    static String describe(Duration rtt, List<Double> measured, Scenario s, PairPlan plan) {
        String m = measured.isEmpty() ? "not measured (no punched stream)"
            : String.format(Locale.ROOT, "%.1f ms measured (median over %d punched streams)", median(measured), measured.size());
        String budget = s.budgetRule() == null ? s.budget().toMillis() + " ms" : s.budgetRule().describe(rtt);
        return "configured " + rtt.toMillis() + " ms, " + m + "; budget " + budget;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
