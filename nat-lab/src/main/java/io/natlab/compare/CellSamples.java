package io.natlab.compare;

import java.util.Objects;

/**
 * What base and head did in one report cell: success counts and the times to punch of the successful trials.
 * Times are in ms; {@code trials} counts every trial, the times only the successful ones.
 */
public record CellSamples(String cell, int baseSuccesses, int baseTrials, double[] baseTimesMs,
                          int headSuccesses, int headTrials, double[] headTimesMs) {
    public CellSamples {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(baseTimesMs, "baseTimesMs");
        Objects.requireNonNull(headTimesMs, "headTimesMs");
        if (baseSuccesses < 0 || baseSuccesses > baseTrials || headSuccesses < 0 || headSuccesses > headTrials) {
            throw new IllegalArgumentException(cell + ": successes must be within 0..trials");
        }
    }

    double baseRate() {
        return baseTrials == 0 ? Double.NaN : baseSuccesses / (double) baseTrials;
    }

    double headRate() {
        return headTrials == 0 ? Double.NaN : headSuccesses / (double) headTrials;
    }
}
