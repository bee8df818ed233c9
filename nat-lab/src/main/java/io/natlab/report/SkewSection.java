package io.natlab.report;

import io.natlab.result.RunResult;

import java.util.List;

/** The reports' "Start skew" section: per swept pair, the chart (HTML) or one line per skew (Markdown). */
final class SkewSection {
    private SkewSection() {}

    /** Empty when no pair ran at a skew above 0. */
    static String html(RunResult run) {
        List<SkewCurves.Curve> curves = SkewCurves.of(run);
        if (curves.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"skew\"><h2>Start skew <span class=\"count\">")
            .append(curves.size()).append("</span></h2><p class=\"muted\">The second peer gets its START this much after ")
            .append("the first. <span class=\"k rate\">●</span> success rate (left axis), <span class=\"k ttp\">■</span> ")
            .append("p50 time-to-punch from the later START (right axis).</p><div class=\"skews\">");
        for (SkewCurves.Curve c : curves) {
            h.append("<figure><figcaption><b>").append(Html.esc(c.title())).append("</b> <span class=\"muted\">")
                .append(Html.esc(c.scenario())).append("</span></figcaption>").append(SkewChart.svg(c)).append("</figure>");
        }
        return h.append("</div></section>\n").toString();
    }

    static String markdown(RunResult run) {
        List<SkewCurves.Curve> curves = SkewCurves.of(run);
        if (curves.isEmpty()) return "";
        StringBuilder md = new StringBuilder("## Start skew\n\n")
            .append("The second peer gets its START this much after the first; time-to-punch counts from the later START.\n\n");
        for (SkewCurves.Curve c : curves) {
            md.append("**").append(MarkdownReport.esc(c.title())).append("** (").append(MarkdownReport.esc(c.scenario()))
                .append(")\n\n| skew | success | p50 time-to-punch | verdict |\n|---|---|---|---|\n");
            for (SkewCurves.Point p : c.points()) {
                md.append("| ").append(p.skewMs()).append(" ms | ").append(p.successes()).append('/').append(p.trials())
                    .append(p.rate() == null ? "" : " (" + Format.percent(p.rate()) + ")").append(" | ")
                    .append(Format.ms(p.p50Ms())).append(" | ").append(p.verdict() == io.natlab.result.Verdict.PASS
                        ? "✔ pass" : "**⚠ " + Format.verdict(p.verdict()) + "**").append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
