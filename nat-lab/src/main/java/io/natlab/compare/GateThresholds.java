package io.natlab.compare;

/**
 * When a difference counts as a regression: it must be significant after Holm's correction across every test
 * of the comparison ({@code alpha}) and larger than a minimum effect, so that a large suite does not fail on a
 * statistically real but harmless change.
 *
 * @param alpha             family-wise error rate (default 0.05)
 * @param minRateDrop       smallest success-rate drop that matters, absolute (default 0.10 = 10 points)
 * @param minSlowdownMs     smallest time-to-punch shift that matters, in ms (default 20)
 * @param minSlowdownFactor smallest shift relative to base's median that matters (default 0.25 = 25 %)
 * @param minTimeSamples    fewest successful trials per side for a time test (default 5)
 */
public record GateThresholds(double alpha, double minRateDrop, double minSlowdownMs, double minSlowdownFactor,
                             int minTimeSamples) {
    public GateThresholds {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (minRateDrop < 0 || minRateDrop > 1 || minSlowdownMs < 0 || minSlowdownFactor < 0 || minTimeSamples < 2) {
            throw new IllegalArgumentException("minimum effects must be >= 0 (rate within 0..1, time samples >= 2)");
        }
    }

    public static GateThresholds defaults() {
        return new GateThresholds(0.05, 0.10, 20, 0.25, 5);
    }
}
