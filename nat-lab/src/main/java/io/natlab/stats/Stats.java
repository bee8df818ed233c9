package io.natlab.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

import java.util.Collection;

/**
 * The one place the runner and the reports compute statistics, on Apache Commons Math: time-to-punch percentiles
 * and the Wilson score interval of a success rate, both at the same definitions everywhere.
 */
public final class Stats {
    private Stats() {}

    /** Confidence level of every interval the reports show. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Nearest-rank percentile (Commons Math's {@code R_1}, the inverse of the empirical distribution): the smallest
     * observed value with at least p% of the sample at or below it, so p50 of {1, 2, 3, 4} is 2 and p95 of five
     * trials is the slowest. Always a time that was actually measured. Nulls and non-finite values are ignored;
     * returns null when nothing is left.
     *
     * @param p in [0, 100]; 0 gives the smallest value
     */
    public static Double percentile(Collection<Double> values, double p) {
        if (p < 0 || p > 100) throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
        double[] finite = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue)
            .toArray();
        if (finite.length == 0) return null;
        if (p == 0) return java.util.Arrays.stream(finite).min().getAsDouble();
        return new Percentile().withEstimationType(Percentile.EstimationType.R_1).evaluate(finite, p);
    }

    /** Largest finite value, null for none. */
    public static Double max(Collection<Double> values) {
        return values.stream().filter(v -> v != null && Double.isFinite(v)).max(Double::compare).orElse(null);
    }

    /**
     * Wilson score interval at {@link #CONFIDENCE}. Unlike the normal approximation it stays inside [0, 1] and is
     * meaningful for 0/5 or 5/5, which is what small trial counts produce. No trials: the whole range [0, 1].
     */
    public static Interval wilson(int successes, int trials) {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        if (trials == 0) return new Interval(0, 1);
        var ci = new WilsonScoreInterval().createInterval(trials, successes, CONFIDENCE);
        // Clamp away floating-point dust so 5/5 reports exactly 1.0 as its high end and 0/5 exactly 0.0 as its low.
        double low = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double high = successes == trials ? 1 : Math.min(1, ci.getUpperBound());
        return new Interval(low, high);
    }
}
