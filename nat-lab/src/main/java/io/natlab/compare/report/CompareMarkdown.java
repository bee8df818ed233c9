package io.natlab.compare.report;

import io.natlab.compare.CellComparison;
import io.natlab.compare.Comparison;
import io.natlab.compare.GateThresholds;
import java.util.Locale;

/** compare.md: the verdict, the thresholds, one table row per cell (also what the PR workflow shows). */
public final class CompareMarkdown {
    public static final String FILE_NAME = "compare.md";

    private CompareMarkdown() {
    }

    public static String render(Comparison c) {
        StringBuilder b = new StringBuilder("# nat-lab compare: ").append(cell(c.base().name())).append(" → ")
            .append(cell(c.head().name())).append("\n\n");
        b.append("**Verdict: ").append(c.verdict().label()).append("** (exit ").append(c.verdict().exitCode())
            .append("): ").append(c.regressions().size()).append(" of ").append(c.cells().size())
            .append(" cells regressed").append(c.problems().isEmpty() ? "" : ", " + c.problems().size() + " not measured")
            .append(String.format(Locale.ROOT, "; %.0f s.%n%n", c.wallMs() / 1000));
        b.append("- base: `").append(cell(c.base().name())).append("` from `").append(cell(c.base().source())).append("`\n");
        b.append("- head: `").append(cell(c.head().name())).append("` from `").append(cell(c.head().source())).append("`\n");
        GateThresholds t = c.thresholds();
        b.append(String.format(Locale.ROOT, "- a regression: Holm-adjusted p < %s and a success-rate drop of at least %.0f "
            + "points, or a time-to-punch shift (Hodges–Lehmann) of at least max(%.0f ms, %.0f %% of base's median); "
            + "time tests need %d successes per side%n%n", CompareFormat.p(t.alpha()), t.minRateDrop() * 100,
            t.minSlowdownMs(), t.minSlowdownFactor() * 100, t.minTimeSamples()));
        b.append("| cell | base ok | head ok | success p (adj.) | base p50 ms | head p50 ms | shift ms [95 % CI] "
            + "| time p (adj.) | change |\n|---|---|---|---|---|---|---|---|---|\n");
        for (CellComparison x : c.cells()) {
            var s = x.samples();
            b.append("| ").append(cell(s.cell())).append(" | ").append(CompareFormat.baseRate(s)).append(" | ")
                .append(CompareFormat.headRate(s)).append(" | ").append(CompareFormat.p(x.successP())).append(" (")
                .append(CompareFormat.p(x.successPAdjusted())).append(") | ")
                .append(CompareFormat.ms(CompareFormat.median(s.baseTimesMs()))).append(" | ")
                .append(CompareFormat.ms(CompareFormat.median(s.headTimesMs()))).append(" | ")
                .append(CompareFormat.shift(x)).append(" | ").append(CompareFormat.p(x.timeP())).append(" (")
                .append(CompareFormat.p(x.timePAdjusted())).append(") | ")
                .append(x.regressed() ? "**" + CompareFormat.change(x) + "**" : CompareFormat.change(x)).append(" |\n");
        }
        if (!c.problems().isEmpty()) {
            b.append("\n## Not measured\n\n");
            c.problems().forEach(p -> b.append("- ").append(cell(p)).append('\n'));
        }
        b.append("\nEvery trial's details: results.json and report.html beside this file.\n");
        return b.toString();
    }

    /** Text safe inside a table cell: no pipes, no line breaks, no HTML a Markdown viewer would render. */
    static String cell(String s) {
        if (s == null) return "";
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
    }
}
