package io.natlab.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small statistics the reports need: percentiles of time-to-punch and the Wilson score interval. */
public final class Stats {
    private Stats() {}

    /** Low and high end of an interval on the success rate. */
    public record Interval(double low, double high) {}

    /**
     * Nearest-rank percentile: the smallest observed value with at least p% of the sample at or below it, so p50 of
     * {1, 2, 3, 4} is 2 and p95 of five trials is the slowest. Always a time that was actually measured, and the same
     * definition the scenario runner uses for each pair, so a cell holding one pair shows that pair's numbers.
     * Returns null for no values.
     *
     * @param p in [0, 100]
     */
    public static Double percentile(Collection<Double> values, double p) {
        if (p < 0 || p > 100) throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
        List<Double> sorted = new ArrayList<>();
        for (Double v : values) if (v != null && Double.isFinite(v)) sorted.add(v);
        if (sorted.isEmpty()) return null;
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Largest finite value, null for none. */
    public static Double max(Collection<Double> values) {
        return values.stream().filter(v -> v != null && Double.isFinite(v)).max(Double::compare).orElse(null);
    }

    /**
     * Wilson score interval at 95% (z = 1.96). Unlike the normal approximation it stays inside [0, 1] and is
     * meaningful for 0/5 or 5/5, which is what small trial counts produce. No trials: the whole range [0, 1].
     */
    public static Interval wilson(int successes, int trials) {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        if (trials == 0) return new Interval(0, 1);
        double z = 1.959963984540054;
        double n = trials;
        double phat = successes / n;
        double denom = 1 + z * z / n;
        double centre = (phat + z * z / (2 * n)) / denom;
        double half = z * Math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / denom;
        // Clamp away floating-point dust so 5/5 reports exactly 1.0 as its high end.
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
