package io.natlab.compare;

/**
 * One cell's comparison: the raw and Holm-adjusted p-values of both tests, the time shift with its confidence
 * interval, and the verdicts. {@code NaN} marks a test that could not run (too few samples).
 */
public record CellComparison(CellSamples samples, double successP, double successPAdjusted,
                             double timeP, double timePAdjusted, HodgesLehmann shift,
                             Change success, Change time) {

    /** What changed from base to head, after correction and minimum effects. */
    public enum Change {
        REGRESSION, IMPROVEMENT, NO_SIGNIFICANT_CHANGE, NOT_TESTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public boolean regressed() {
        return success == Change.REGRESSION || time == Change.REGRESSION;
    }
}
