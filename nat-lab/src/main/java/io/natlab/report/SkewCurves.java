package io.natlab.report;

import io.natlab.result.PairConditions;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-skew sweeps of a run: one curve per pair (scenario, role order, strategy, implementations and every
 * other condition alike) that ran at some skew above 0, one point per skew. The "success window" of a punching
 * strategy: how success and time-to-punch change as the second peer starts later. Pure.
 */
final class SkewCurves {
    private SkewCurves() {}

    /** One skew value of a curve: its pair result's counts and p50 time-to-punch (null when nothing punched). */
    record Point(long skewMs, int successes, int trials, Double p50Ms, Verdict verdict) {
        Double rate() { return trials == 0 ? null : successes / (double) trials; }
    }

    /** {@code title}: "alice → bob · listen-connect · drop"; {@code scenario} names the file it came from. */
    record Curve(String scenario, String title, List<Point> points) {}

    static List<Curve> of(RunResult run) {
        Map<String, List<PairResult>> groups = new LinkedHashMap<>();
        Map<String, String> scenarioOf = new LinkedHashMap<>();
        for (ScenarioResult s : run.scenarios()) {
            for (PairResult p : s.pairs() == null ? List.<PairResult>of() : s.pairs()) {
                String key = s.name() + "\u0000" + p.first() + "\u0000" + p.second() + "\u0000" + p.strategy() + "\u0000"
                    + p.firstImpl() + "\u0000" + p.secondImpl() + "\u0000" + conditions(p).withoutSkew();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                scenarioOf.put(key, s.name());
            }
        }
        List<Curve> curves = new ArrayList<>();
        groups.forEach((key, pairs) -> {
            if (pairs.stream().noneMatch(p -> conditions(p).skewMs() > 0)) return;
            PairResult any = pairs.get(0);
            List<Point> points = pairs.stream().sorted(Comparator.comparingLong(p -> conditions(p).skewMs()))
                .map(p -> new Point(conditions(p).skewMs(), p.successes(), p.trials(), p.p50Ms(), p.verdict())).toList();
            String label = conditions(any).withoutSkew().label();
            curves.add(new Curve(scenarioOf.get(key), Format.pairName(any) + " · " + any.strategy() + " · "
                + any.unsolicited() + (label.isEmpty() ? "" : " · " + label), points));
        });
        return curves;
    }

    private static PairConditions conditions(PairResult p) {
        return p.conditions() == null ? PairConditions.PLAIN : p.conditions();
    }
}
