package io.natlab.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Hodges–Lehmann shift between two samples (median of all pairwise differences head − base) with its
 * distribution-free confidence interval (Moses: order statistics of the differences chosen by the Mann–Whitney
 * U distribution, normal approximation).
 */
public record HodgesLehmann(double shift, double lower, double upper, double confidence) {

    public static HodgesLehmann of(double[] base, double[] head, double confidence) {
        if (base.length == 0 || head.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        int n = base.length;
        int m = head.length;
        double[] diffs = new double[n * m];
        int i = 0;
        for (double h : head) {
            for (double b : base) {
                diffs[i++] = h - b;
            }
        }
        Arrays.sort(diffs);
        double shift = median(diffs);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        long k = (long) Math.floor(n * (double) m / 2 - z * Math.sqrt(n * (double) m * (n + m + 1) / 12.0));
        if (k < 1) {
            return new HodgesLehmann(shift, diffs[0], diffs[diffs.length - 1], confidence); // too few samples
        }
        return new HodgesLehmann(shift, diffs[(int) k - 1], diffs[diffs.length - (int) k], confidence);
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
