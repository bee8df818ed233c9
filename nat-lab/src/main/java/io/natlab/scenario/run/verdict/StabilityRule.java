package io.natlab.scenario.run.verdict;

import io.natlab.result.Stability;
import io.natlab.scenario.Expectation;
import io.natlab.stats.Interval;
import io.natlab.stats.Stats;

/**
 * Labels a pair's success rate against the scenario's threshold {@code t} ({@code min-success-rate}), with the Wilson
 * 95 % interval {@code [low, high]} of successes/trials. The expected side is {@code rate >= t} for an expected
 * {@code direct} pair and {@code rate < t} for an expected {@code failed} one (what {@link Judgement} checks).
 * <ul>
 *   <li>every trial alike (all direct or all failed): {@code stable} when that is the expected outcome, else
 *       {@code broken}. Trials that never disagree show no flakiness; how far they prove the threshold is what the
 *       interval says, reported beside the label;</li>
 *   <li>both outcomes seen: {@code stable} when the whole interval lies on the expected side of {@code t},
 *       {@code broken} when it lies wholly on the other side, {@code flaky} when it straddles {@code t} (the trials
 *       cannot tell whether the pair meets its threshold: a verdict either way was luck).</li>
 * </ul>
 * "Wholly above" means {@code low >= t}, "wholly below" {@code high < t}. The verdict is not changed by the label.
 */
public final class StabilityRule {
    private StabilityRule() {}

    /** Null when no trial ran (an error pair has nothing to label). */
    public static Stability of(Expectation expected, int successes, int trials, double threshold) {
        if (expected == Expectation.AUTO) throw new IllegalArgumentException("resolve auto before labelling");
        if (trials <= 0) return null;
        boolean wantDirect = expected == Expectation.DIRECT;
        if (successes == 0 || successes == trials) {
            boolean allDirect = successes == trials;
            return new Stability(allDirect == wantDirect ? Stability.STABLE : Stability.BROKEN, threshold);
        }
        Interval ci = Stats.wilson(successes, trials);
        boolean above = ci.low() >= threshold, below = ci.high() < threshold;
        String label;
        if (above) label = wantDirect ? Stability.STABLE : Stability.BROKEN;
        else if (below) label = wantDirect ? Stability.BROKEN : Stability.STABLE;
        else label = Stability.FLAKY;
        return new Stability(label, threshold);
    }
}
