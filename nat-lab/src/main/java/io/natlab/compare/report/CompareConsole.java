package io.natlab.compare.report;

import io.natlab.compare.CellComparison;
import io.natlab.compare.Comparison;

/** The compact table {@code nat-lab compare} prints at the end: one line per cell, then the verdict. */
public final class CompareConsole {
    private CompareConsole() {
    }

    public static String render(Comparison c, String reportDir) {
        int width = Math.max(4, c.cells().stream().mapToInt(x -> x.samples().cell().length()).max().orElse(4));
        width = Math.min(width, 70);
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + width + "s  %-7s %-7s %9s %9s  %-28s %9s  %s%n", "cell", "base", "head",
            "base p50", "head p50", "shift ms [95% CI]", "time p*", "change"));
        for (CellComparison x : c.cells()) {
            var s = x.samples();
            String name = s.cell().length() > width ? s.cell().substring(0, width - 1) + "…" : s.cell();
            b.append(String.format("%-" + width + "s  %-7s %-7s %9s %9s  %-28s %9s  %s%n", name,
                CompareFormat.baseRate(s), CompareFormat.headRate(s),
                CompareFormat.ms(CompareFormat.median(s.baseTimesMs())), CompareFormat.ms(CompareFormat.median(s.headTimesMs())),
                CompareFormat.shift(x), CompareFormat.p(x.timePAdjusted()), CompareFormat.change(x)));
        }
        c.problems().forEach(p -> b.append("not measured: ").append(p).append('\n'));
        b.append("compare ").append(c.base().name()).append(" → ").append(c.head().name()).append(": ")
            .append(c.verdict().label()).append(" (").append(c.regressions().size()).append(" of ")
            .append(c.cells().size()).append(" cells regressed; p* Holm-adjusted). Report: ").append(reportDir)
            .append("/compare.md\n");
        return b.toString();
    }
}
