package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.result.TrialResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG strip plot of time-to-punch: one lane per pair, one dot per direct trial, failed trials as crosses in a
 * "failed" column on the right. The axis is logarithmic when times span more than a factor of 20 (RST retries next
 * to millisecond punches), linear otherwise.
 */
final class TimePlot {
    private TimePlot() {}

    /** One lane: a label, an optional second (smaller) label line above it, and its trials. */
    record Lane(String label, String caption, List<TrialResult> trials) {}

    private static final int WIDTH = 400, LABEL_W = 112, FAIL_W = 44, LANE_H = 22, TOP = 6, AXIS_H = 22;
    private static final double PLOT_X0 = LABEL_W + 6, PLOT_X1 = WIDTH - FAIL_W - 10;

    static String svg(List<Lane> lanes) {
        List<Double> times = new ArrayList<>();
        for (Lane l : lanes) for (TrialResult t : l.trials()) if (isDirect(t)) times.add(t.timeToPunchMs());
        Scale scale = Scale.of(times);
        // Captions (scenario names, when a cell pools several scenarios) need a taller lane.
        boolean captions = lanes.stream().anyMatch(l -> l.caption() != null);
        int laneH = captions ? LANE_H + 8 : LANE_H;
        int height = TOP + laneH * lanes.size() + AXIS_H;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"time-to-punch per trial\">");
        double axisY = TOP + laneH * lanes.size();
        // Grid and ticks.
        List<Double> ticks = scale.ticks();
        for (int k = 0; k < ticks.size(); k++) {
            double x = scale.x(ticks.get(k));
            s.append(line(x, TOP, x, axisY, "grid"));
            s.append(text(x, axisY + 14, "middle", "tick", tickLabel(ticks.get(k))));
        }
        s.append(line(PLOT_X0, axisY, PLOT_X1, axisY, "axis"));
        s.append(text(LABEL_W, axisY + 14, "end", "tick", scale.log() ? "ms (log)" : "ms"));
        double failX = WIDTH - FAIL_W / 2.0;
        s.append(text(failX, axisY + 14, "middle", "tick", "failed"));
        s.append(line(WIDTH - FAIL_W - 2, TOP, WIDTH - FAIL_W - 2, axisY, "grid"));
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double y = TOP + laneH * i + laneH / 2.0 + (captions ? 4 : 0);
            if (i % 2 == 1) s.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\"/>",
                    (double) TOP + laneH * i, WIDTH, laneH));
            if (lane.caption() != null) s.append(text(LABEL_W, y - 7, "end", "caption", shorten(lane.caption(), 22)));
            s.append(text(LABEL_W, y + 4, "end", "lane", shorten(lane.label(), 19)));
            if (failedCount(lane) > 12)
                s.append(text(failX, y - 8, "middle", "tick", failedCount(lane) + "×"));
            int n = 0, failures = 0;
            for (TrialResult t : lane.trials()) {
                // Deterministic vertical spread so equal times stay visible.
                double dy = ((n++ % 5) - 2) * 2.6;
                String tip = "trial " + t.index() + ": " + describe(t);
                if (isDirect(t)) {
                    s.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title></circle>",
                            t.withinBudget() ? "dot ok" : "dot slow", scale.x(t.timeToPunchMs()), y + dy, Html.esc(tip)));
                } else {
                    // Failures in a small grid, four across, rows centre / above / below; more than that share a count.
                    int k = failures++;
                    if (k >= 12) continue;
                    double x = failX + ((k % 4) - 1.5) * 9;
                    int row = k / 4;
                    double fy = y + (row == 0 ? 0 : row == 1 ? -6.5 : 6.5);
                    s.append(String.format(Locale.ROOT, "<g class=\"fail\"><title>%s</title><path d=\"M%.1f %.1fl6 6m0 -6l-6 6\"/></g>",
                            Html.esc(tip), x - 3, fy - 3));
                }
            }
        }
        return s.append("</svg>").toString();
    }

    private static long failedCount(Lane lane) { return lane.trials().stream().filter(t -> !isDirect(t)).count(); }

    private static boolean isDirect(TrialResult t) {
        return t.outcome() == Outcome.DIRECT && t.timeToPunchMs() != null && Double.isFinite(t.timeToPunchMs());
    }

    static String describe(TrialResult t) {
        if (isDirect(t)) {
            return Format.ms(t.timeToPunchMs()) + (t.method() == null ? "" : ", " + t.method().wireName()) + ", " + t.attempts()
                    + " attempt" + (t.attempts() == 1 ? "" : "s") + (t.withinBudget() ? "" : ", over budget");
        }
        return "failed" + (t.error() == null ? "" : ": " + t.error());
    }

    /** "2.5", "10", "1000" — enough precision to tell ticks apart. */
    static String tickLabel(double ms) {
        return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String cls, String text) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
                cls, x, y, anchor, Html.esc(text));
    }

    /** Maps milliseconds to x, linear from 0 or logarithmic. */
    record Scale(boolean log, double lo, double hi) {
        static Scale of(List<Double> times) {
            if (times.isEmpty()) return new Scale(false, 0, 10);
            double min = times.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double max = times.stream().mapToDouble(Double::doubleValue).max().orElse(10);
            if (min > 0 && max / min > 20) {
                return new Scale(true, Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))));
            }
            return new Scale(false, 0, niceCeil(max * 1.05));
        }

        double x(double ms) {
            double f = log ? (Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                    : (ms - lo) / (hi - lo);
            return PLOT_X0 + Math.max(0, Math.min(1, f)) * (PLOT_X1 - PLOT_X0);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = lo; t <= hi * 1.0001; t *= 10) ticks.add(t);
            } else {
                double step = niceCeil(hi / 4);
                for (double t = 0; t <= hi + 1e-9; t += step) ticks.add(t);
            }
            return ticks;
        }

        /** Smallest of 1, 2, 2.5, 5 x 10^k that is >= v. */
        static double niceCeil(double v) {
            if (v <= 0) return 1;
            double p = Math.pow(10, Math.floor(Math.log10(v)));
            for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * p >= v - 1e-12) return m * p;
            return 10 * p;
        }
    }
}
