package io.natlab.compare;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test on a 2×2 table of successes and failures (base vs head). Two-sided p as R's
 * {@code fisher.test}: the total probability of every table with the same margins that is no more likely than
 * the observed one.
 */
public final class FisherExact {
    /** Relative tolerance for "no more likely" (R uses 1 + 1e-7). */
    private static final double RELATIVE_ERROR = 1 + 1e-7;

    private FisherExact() {
    }

    public static double twoSided(int baseSuccesses, int baseTrials, int headSuccesses, int headTrials) {
        check(baseSuccesses, baseTrials, "base");
        check(headSuccesses, headTrials, "head");
        int population = baseTrials + headTrials;
        int successes = baseSuccesses + headSuccesses;
        if (population == 0 || successes == 0 || successes == population) {
            return 1.0;
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, baseTrials);
        double observed = h.probability(baseSuccesses);
        double p = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            double pk = h.probability(k);
            if (pk <= observed * RELATIVE_ERROR) {
                p += pk;
            }
        }
        return Math.min(1.0, p);
    }

    private static void check(int successes, int trials, String side) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(side + ": " + successes + " successes of " + trials + " trials");
        }
    }
}
