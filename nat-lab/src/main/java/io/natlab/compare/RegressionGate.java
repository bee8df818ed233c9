package io.natlab.compare;

import io.natlab.compare.CellComparison.Change;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Compares base and head cell by cell: success counts with Fisher's exact test, times to punch with the
 * Mann–Whitney U test and the Hodges–Lehmann shift; all p-values of the run are corrected together (Holm).
 */
public final class RegressionGate {
    private final GateThresholds thresholds;

    public RegressionGate(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<CellComparison> compare(List<CellSamples> cells) {
        int n = cells.size();
        double[] p = new double[2 * n]; // success tests first, then time tests
        HodgesLehmann[] shifts = new HodgesLehmann[n];
        for (int i = 0; i < n; i++) {
            CellSamples c = cells.get(i);
            p[i] = c.baseTrials() == 0 || c.headTrials() == 0 ? Double.NaN
                    : FisherExact.twoSided(c.baseSuccesses(), c.baseTrials(), c.headSuccesses(), c.headTrials());
            boolean timed = c.baseTimesMs().length >= thresholds.minTimeSamples()
                    && c.headTimesMs().length >= thresholds.minTimeSamples();
            p[n + i] = timed ? new MannWhitneyUTest().mannWhitneyUTest(c.baseTimesMs(), c.headTimesMs()) : Double.NaN;
            shifts[i] = timed ? HodgesLehmann.of(c.baseTimesMs(), c.headTimesMs(), 1 - thresholds.alpha()) : null;
        }
        double[] adjusted = Holm.adjust(p);
        List<CellComparison> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CellSamples c = cells.get(i);
            out.add(new CellComparison(c, p[i], adjusted[i], p[n + i], adjusted[n + i], shifts[i],
                    successChange(c, adjusted[i]), timeChange(c, adjusted[n + i], shifts[i])));
        }
        return out;
    }

    private Change successChange(CellSamples c, double pAdjusted) {
        if (Double.isNaN(pAdjusted)) {
            return Change.NOT_TESTED;
        }
        double delta = c.headRate() - c.baseRate();
        if (pAdjusted >= thresholds.alpha() || Math.abs(delta) < thresholds.minRateDrop()) {
            return Change.NO_SIGNIFICANT_CHANGE;
        }
        return delta < 0 ? Change.REGRESSION : Change.IMPROVEMENT;
    }

    private Change timeChange(CellSamples c, double pAdjusted, HodgesLehmann shift) {
        if (Double.isNaN(pAdjusted)) {
            return Change.NOT_TESTED;
        }
        double baseMedian = new Median().evaluate(Arrays.copyOf(c.baseTimesMs(), c.baseTimesMs().length));
        double minEffect = Math.max(thresholds.minSlowdownMs(), thresholds.minSlowdownFactor() * baseMedian);
        if (pAdjusted >= thresholds.alpha() || Math.abs(shift.shift()) < minEffect) {
            return Change.NO_SIGNIFICANT_CHANGE;
        }
        return shift.shift() > 0 ? Change.REGRESSION : Change.IMPROVEMENT;
    }
}
