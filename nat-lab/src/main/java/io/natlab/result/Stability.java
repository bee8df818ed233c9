package io.natlab.result;

/**
 * How steady a pair's outcome is against its scenario's threshold (docs/results-json.md, "Stability"): additional
 * information next to the verdict, which stays what the threshold says.
 *
 * @param label     {@code stable}, {@code flaky} or {@code broken}
 * @param threshold the scenario's {@code min-success-rate} the Wilson interval was compared with
 */
public record Stability(String label, double threshold) {
    public static final String STABLE = "stable", FLAKY = "flaky", BROKEN = "broken";

    public Stability {
        if (!STABLE.equals(label) && !FLAKY.equals(label) && !BROKEN.equals(label))
            throw new IllegalArgumentException("stability label must be stable, flaky or broken, got " + label);
    }

    public boolean flaky() { return FLAKY.equals(label); }
    public boolean broken() { return BROKEN.equals(label); }

    /** How bad a label is, for pooling several pairs into one cell: broken > flaky > stable. */
    public int severity() { return broken() ? 2 : flaky() ? 1 : 0; }
}
