package io.natlab.report;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG of one skew curve: skews evenly spaced on x (the listed values, e.g. 0 50 200 1000 ms), success rate
 * on the left axis (green line) and p50 time-to-punch on the right axis (blue dashed line; a skew where nothing
 * punched has no blue point). No script: a title on every point carries its numbers.
 */
final class SkewChart {
    private SkewChart() {}

    private static final int WIDTH = 400, HEIGHT = 200, LEFT = 44, RIGHT = 52, TOP = 26, BOTTOM = 36;
    private static final double X0 = LEFT, X1 = WIDTH - RIGHT, Y0 = TOP, Y1 = HEIGHT - BOTTOM;

    static String svg(SkewCurves.Curve curve) {
        List<SkewCurves.Point> pts = curve.points();
        double maxTtp = pts.stream().filter(p -> p.p50Ms() != null).mapToDouble(SkewCurves.Point::p50Ms).max().orElse(10);
        double ttpTop = TimePlot.Scale.niceCeil(maxTtp * 1.05);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"plot skew\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
            .append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"success rate and p50 time-to-punch against start skew\">");
        for (int k = 0; k <= 4; k++) {
            double y = Y1 - (Y1 - Y0) * k / 4;
            s.append(line(X0, y, X1, y, "grid"));
            s.append(text(X0 - 4, y + 3, "end", "tick rate", (25 * k) + "%"));
            s.append(text(X1 + 4, y + 3, "start", "tick ttp", TimePlot.tickLabel(ttpTop * k / 4)));
        }
        s.append(line(X0, Y1, X1, Y1, "axis"));
        s.append(text((X0 + X1) / 2, HEIGHT - 4, "middle", "tick", "start skew (ms)"));
        s.append(text(X0, Y0 - 14, "middle", "tick rate", "success"));
        s.append(text(X1, Y0 - 14, "middle", "tick ttp", "p50 ms"));
        StringBuilder rate = new StringBuilder(), ttp = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            SkewCurves.Point p = pts.get(i);
            double x = x(i, pts.size());
            s.append(text(x, Y1 + 14, "middle", "tick", Long.toString(p.skewMs())));
            String tip = Html.esc("skew " + p.skewMs() + " ms: " + p.successes() + "/" + p.trials() + " punched, p50 "
                + Format.ms(p.p50Ms()) + ", verdict " + Format.verdict(p.verdict()));
            if (p.rate() != null) {
                double y = Y1 - (Y1 - Y0) * p.rate();
                rate.append(rate.length() == 0 ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y));
                s.append(String.format(Locale.ROOT, "<circle class=\"rate\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title></circle>",
                    x, y, tip));
            }
            if (p.p50Ms() != null) {
                double y = Y1 - (Y1 - Y0) * Math.min(1, p.p50Ms() / ttpTop);
                ttp.append(ttp.length() == 0 ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y));
                s.append(String.format(Locale.ROOT, "<rect class=\"ttp\" x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\"><title>%s</title></rect>",
                    x - 3.5, y - 3.5, tip));
            }
        }
        s.insert(s.indexOf(">") + 1, path(rate, "rate") + path(ttp, "ttp"));
        return s.append("</svg>").toString();
    }

    private static String path(StringBuilder d, String cls) {
        return d.length() == 0 ? "" : "<path class=\"" + cls + "\" d=\"" + d + "\"/>";
    }

    private static double x(int i, int n) {
        return n == 1 ? (X0 + X1) / 2 : X0 + 16 + (X1 - X0 - 32) * i / (double) (n - 1);
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String cls, String text) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
            cls, x, y, anchor, Html.esc(text));
    }
}
