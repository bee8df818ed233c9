package io.natlab.report;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;

import java.util.Locale;

/** Number and cell formatting shared by the markdown, console and HTML reports, so they read alike. */
final class Format {
    private Format() {}

    static final String DIRECT = "✔";
    static final String FAILED = "✘";
    static final String MIXED = "◐";
    static final String WARN = "⚠";

    /** "3.2 ms", "12 ms", "1.4 s"; "–" for none. */
    static String ms(Double ms) {
        if (ms == null || !Double.isFinite(ms)) return "–";
        if (ms < 10) return String.format(Locale.ROOT, "%.1f ms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    /** Whole milliseconds without the space, for tight console cells and plot ticks: "9ms", "120ms", "1.4s". */
    static String msTight(Double ms) {
        if (ms == null || !Double.isFinite(ms)) return "–";
        if (ms < 1000) return String.format(Locale.ROOT, "%.0fms", ms);
        return ms(ms).replace(" ", "");
    }

    /** "6m 52s", "41.2 s". */
    static String duration(double ms) {
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        long s = Math.round(ms / 1000);
        return s / 60 + "m " + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }

    static String percent(double rate) { return String.format(Locale.ROOT, "%.0f%%", rate * 100); }

    /** "4/5 (80%, 95% CI 38–96%)". */
    static String success(int successes, int trials, double low, double high) {
        if (trials == 0) return "0/0";
        return successes + "/" + trials + " (" + percent(successes / (double) trials) + ", 95% CI "
                + String.format(Locale.ROOT, "%.0f–%.0f%%", low * 100, high * 100) + ")";
    }

    static String symbol(MatrixCell.Observed observed) {
        return switch (observed) {
            case DIRECT -> DIRECT;
            case FAILED -> FAILED;
            case MIXED -> MIXED;
        };
    }

    /** Markdown cell: "✔ 3/3 · 12 ms", "✘ 0/3 ⚠". The time is shown only when some trial succeeded. */
    static String cell(MatrixCell c) {
        StringBuilder s = new StringBuilder(symbol(c.observed())).append(' ').append(c.successes()).append('/').append(c.trials());
        if (c.successes() > 0 && c.p50Ms() != null) s.append(" · ").append(ms(c.p50Ms()));
        if (c.failedVerdict()) s.append(' ').append(WARN);
        return s.append(Marks.words(c)).toString();
    }

    /** Console cell: "✔3/3 12ms⚠". */
    static String cellTight(MatrixCell c) {
        StringBuilder s = new StringBuilder(symbol(c.observed())).append(c.successes()).append('/').append(c.trials());
        if (c.successes() > 0 && c.p50Ms() != null) s.append(' ').append(msTight(c.p50Ms()));
        if (c.failedVerdict()) s.append(WARN);
        return s.append(Marks.symbols(c)).toString();
    }

    /** An outcome as results.json spells it; a pair that could not run has none. */
    static String outcome(io.natlab.punch.Outcome o) { return o == null ? "error" : o.wireName(); }

    static String pairName(PairResult p) { return p.first() + " → " + p.second(); }

    static String verdict(Verdict v) {
        return switch (v) {
            case PASS -> "pass";
            case UNEXPECTED_FAILURE -> "unexpected failure";
            case UNEXPECTED_SUCCESS -> "unexpected success";
            case ERROR -> "error";
        };
    }

    /** Counts for the headline of every report. */
    record Totals(int scenarios, int pairs, int passed, int failedVerdicts, int scenarioErrors) {
        static Totals of(RunResult run) {
            int pairs = 0, passed = 0, failed = 0, errors = 0;
            for (ScenarioResult s : run.scenarios()) {
                if (s.error() != null) errors++;
                for (PairResult p : s.pairs() == null ? java.util.List.<PairResult>of() : s.pairs()) {
                    pairs++;
                    if (p.verdict() == Verdict.PASS) passed++; else failed++;
                }
            }
            return new Totals(run.scenarios().size(), pairs, passed, failed, errors);
        }

        boolean allPassed() { return failedVerdicts == 0 && scenarioErrors == 0; }

        String headline() {
            String s = scenarios + " scenario" + (scenarios == 1 ? "" : "s") + " · " + pairs + " pairs · " + passed
                    + " passed · " + failedVerdicts + " failed verdict" + (failedVerdicts == 1 ? "" : "s");
            return scenarioErrors == 0 ? s : s + " · " + scenarioErrors + " scenario error" + (scenarioErrors == 1 ? "" : "s");
        }
    }

    /** Where the trials that were not a success stopped: "stream 7, punch 1"; "–" when all succeeded. */
    static String failedAt(java.util.Map<io.natlab.result.FailedAt, Integer> failedAt) {
        if (failedAt == null || failedAt.isEmpty()) return "–";
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(failedAt).forEach((phase, n) ->
                s.append(s.length() == 0 ? "" : ", ").append(phase.jsonName()).append(' ').append(n));
        return s.toString();
    }

    /** A pair's conditions beyond its NATs, "–" for a plain pair. */
    static String conditions(io.natlab.result.PairConditions c) {
        String label = c == null ? "" : c.label();
        return label.isEmpty() ? "–" : label;
    }

    /** "direct ×3, prediction ×1", most used first (the file's map order is not meaningful); "–" for none. */
    static String methods(java.util.Map<String, Integer> methods) {
        if (methods == null || methods.isEmpty()) return "–";
        StringBuilder s = new StringBuilder();
        methods.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(" ×").append(e.getValue()));
        return s.toString();
    }
}
