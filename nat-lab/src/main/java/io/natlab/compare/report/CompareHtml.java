package io.natlab.compare.report;

import io.natlab.compare.CellComparison;
import io.natlab.compare.Comparison;
import io.natlab.report.Html;

/** compare.html: the same table as compare.md, one self-contained page, regressions highlighted. */
public final class CompareHtml {
    public static final String FILE_NAME = "compare.html";

    private CompareHtml() {
    }

    public static String render(Comparison c) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>nat-lab compare</title><style>body{font-family:sans-serif;margin:1.5em}")
            .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
            .append("td:first-child,th:first-child{text-align:left}tr.regression{background:#fdd}")
            .append("tr.improvement{background:#dfd}.verdict{font-size:1.3em}</style></head><body>\n");
        b.append("<h1>nat-lab compare: ").append(Html.esc(c.base().name())).append(" → ")
            .append(Html.esc(c.head().name())).append("</h1>\n");
        b.append("<p class=\"verdict\">Verdict: <b>").append(Html.esc(c.verdict().label())).append("</b> (exit ")
            .append(c.verdict().exitCode()).append("), ").append(c.regressions().size()).append(" of ")
            .append(c.cells().size()).append(" cells regressed</p>\n");
        b.append("<p>base: <code>").append(Html.esc(c.base().source())).append("</code><br>head: <code>")
            .append(Html.esc(c.head().source())).append("</code></p>\n");
        b.append("<table><tr><th>cell</th><th>base ok</th><th>head ok</th><th>success p (adj.)</th><th>base p50 ms</th>")
            .append("<th>head p50 ms</th><th>shift ms [95 % CI]</th><th>time p (adj.)</th><th>change</th></tr>\n");
        for (CellComparison x : c.cells()) {
            var s = x.samples();
            String cls = x.regressed() ? "regression" : CompareFormat.change(x).equals("improvement") ? "improvement" : "";
            b.append("<tr class=\"").append(cls).append("\"><td>").append(Html.esc(s.cell())).append("</td><td>")
                .append(CompareFormat.baseRate(s)).append("</td><td>").append(CompareFormat.headRate(s)).append("</td><td>")
                .append(CompareFormat.p(x.successP())).append(" (").append(CompareFormat.p(x.successPAdjusted()))
                .append(")</td><td>").append(CompareFormat.ms(CompareFormat.median(s.baseTimesMs()))).append("</td><td>")
                .append(CompareFormat.ms(CompareFormat.median(s.headTimesMs()))).append("</td><td>")
                .append(Html.esc(CompareFormat.shift(x))).append("</td><td>").append(CompareFormat.p(x.timeP()))
                .append(" (").append(CompareFormat.p(x.timePAdjusted())).append(")</td><td>")
                .append(Html.esc(CompareFormat.change(x))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!c.problems().isEmpty()) {
            b.append("<h2>Not measured</h2><ul>\n");
            c.problems().forEach(p -> b.append("<li>").append(Html.esc(p)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("<p>Every trial's details: <a href=\"report.html\">report.html</a>, results.json.</p></body></html>\n");
        return b.toString();
    }
}
