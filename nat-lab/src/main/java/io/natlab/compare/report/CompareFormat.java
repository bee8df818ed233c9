package io.natlab.compare.report;

import io.natlab.compare.CellComparison;
import io.natlab.compare.CellSamples;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** How numbers read in every compare report: one rule each, so the three files and the console agree. */
final class CompareFormat {
    private CompareFormat() {
    }

    /** Median time to punch, or NaN without samples. */
    static double median(double[] times) {
        return times.length == 0 ? Double.NaN : new Median().evaluate(Arrays.copyOf(times, times.length));
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String signedMs(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f", v);
    }

    /** A p-value: three significant digits, small ones in e-notation; "–" for a test that did not run. */
    static String p(double v) {
        if (Double.isNaN(v)) return "–";
        return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static String rate(int successes, int trials) {
        return successes + "/" + trials;
    }

    static String baseRate(CellSamples s) {
        return rate(s.baseSuccesses(), s.baseTrials());
    }

    static String headRate(CellSamples s) {
        return rate(s.headSuccesses(), s.headTrials());
    }

    /** {@code +312.0 ms [295.1, 330.4]}, or "–" when the time test did not run. */
    static String shift(CellComparison c) {
        if (c.shift() == null) return "–";
        return signedMs(c.shift().shift()) + " [" + ms(c.shift().lower()) + ", " + ms(c.shift().upper()) + "]";
    }

    /** What the cell says in one word or two: the worse of the two changes. */
    static String change(CellComparison c) {
        if (c.regressed()) {
            return c.success() == CellComparison.Change.REGRESSION && c.time() == CellComparison.Change.REGRESSION
                ? "REGRESSION (success, time)"
                : c.success() == CellComparison.Change.REGRESSION ? "REGRESSION (success)" : "REGRESSION (time)";
        }
        if (c.success() == CellComparison.Change.IMPROVEMENT || c.time() == CellComparison.Change.IMPROVEMENT) {
            return "improvement";
        }
        if (c.success() == CellComparison.Change.NOT_TESTED && c.time() == CellComparison.Change.NOT_TESTED) {
            return "not tested";
        }
        return "no significant change";
    }
}
