package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.stats.Interval;
import io.natlab.stats.Stats;
import io.natlab.result.PairResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * One NAT x NAT cell of a matrix. Several pair results with the same conditions can land in one cell (several
 * scenarios, nested labels that coincide, both orders of a pair); pairs with different conditions never do (see
 * {@link Matrices}). They are pooled — successes and trials summed, time
 * percentiles computed over all their successful trials.
 */
public record MatrixCell(String row, String column, List<CellEntry> entries) {

    /** How the cell's pairs were observed. */
    public enum Observed { DIRECT, FAILED, MIXED }

    public int successes() { return entries.stream().mapToInt(e -> e.pair().successes()).sum(); }

    public int trials() { return entries.stream().mapToInt(e -> e.pair().trials()).sum(); }

    /** Pooled success rate, null when no trial ran. */
    public Double rate() { return trials() == 0 ? null : successes() / (double) trials(); }

    public Interval wilson() { return Stats.wilson(successes(), trials()); }

    /** Time-to-punch of every successful trial in the cell, in ms. */
    public List<Double> successTimes() {
        List<Double> times = new ArrayList<>();
        for (CellEntry e : entries) times.addAll(successTimes(e.pair()));
        return times;
    }

    public Double p50Ms() { return pooled(50); }

    public Double p95Ms() { return pooled(95); }

    /**
     * Percentile over the pooled trials. Results without per-trial data (hand-written or trimmed results.json)
     * fall back to the pairs' own percentile so the cell still shows a time.
     */
    private Double pooled(double p) {
        List<Double> times = successTimes();
        if (!times.isEmpty()) return Stats.percentile(times, p);
        List<Double> perPair = new ArrayList<>();
        for (CellEntry e : entries) perPair.add(p >= 95 ? e.pair().p95Ms() : e.pair().p50Ms());
        return Stats.percentile(perPair, 50);
    }

    public Observed observed() {
        long direct = entries.stream().filter(e -> e.pair().observed() == Outcome.DIRECT).count();
        if (direct == entries.size()) return Observed.DIRECT;
        return direct == 0 ? Observed.FAILED : Observed.MIXED;
    }

    /** True when any pair in the cell did not get the verdict PASS. */
    public boolean failedVerdict() { return entries.stream().anyMatch(e -> e.pair().verdict() != Verdict.PASS); }

    static List<Double> successTimes(PairResult pair) {
        List<Double> times = new ArrayList<>();
        if (pair.trialResults() == null) return times;
        for (TrialResult t : pair.trialResults())
            if (t.success() && t.timeToPunchMs() != null) times.add(t.timeToPunchMs());
        return times;
    }
}
