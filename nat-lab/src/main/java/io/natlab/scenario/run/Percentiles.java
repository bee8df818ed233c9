package io.natlab.scenario.run;

import java.util.List;

/** Nearest-rank percentiles over a small sample. */
public final class Percentiles {
    private Percentiles() {}

    /** The p-th percentile (0 &lt; p &le; 100) by nearest rank, or null for an empty sample. */
    public static Double of(List<Double> values, double p) {
        if (values.isEmpty()) return null;
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
