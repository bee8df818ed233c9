package io.natlab.punch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times of the trials that produced a stream, and the count and reasons of those that did not. A failed
 * trial is a data point of the benchmark (the naive baseline misses its deadline now and then), never a
 * reason to stop it.
 */
final class Trials {
    private final List<Double> times = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    synchronized void succeeded(double ms) {
        times.add(ms);
    }

    synchronized void failed(String reason) {
        failures.merge(reason == null ? "unknown" : reason, 1, Integer::sum);
    }

    synchronized int failedCount() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized double[] times() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One line: successes and their p50/p99/max, then failures (with the most frequent reason). */
    synchronized String row(String name) {
        double[] s = times();
        Arrays.sort(s);
        String figures = s.length == 0 ? "no stream in any trial"
                : String.format(Locale.ROOT, "p50=%8.2f  p99=%8.2f  max=%8.2f", percentile(s, 50),
                        percentile(s, 99), s[s.length - 1]);
        String failed = failures.isEmpty() ? "" : String.format(Locale.ROOT, "  failed=%d (%s)", failedCount(),
                failures.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        return String.format(Locale.ROOT, "  %-28s n=%-4d %s%s", name, s.length, figures, failed);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
