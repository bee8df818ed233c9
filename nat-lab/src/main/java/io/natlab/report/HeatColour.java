package io.natlab.report;

import java.util.Locale;

/** Success rate to a heatmap colour (red through yellow to green, ColorBrewer RdYlGn) and a readable text colour. */
final class HeatColour {
    private HeatColour() {}

    private static final int[][] STOPS = {
            {0xd7, 0x30, 0x27}, {0xfc, 0x8d, 0x59}, {0xfe, 0xe0, 0x8b}, {0x91, 0xcf, 0x60}, {0x1a, 0x98, 0x50}};

    static String background(double rate) {
        int[] rgb = rgb(rate);
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    /** Dark text on the light middle of the scale, white on the saturated ends. */
    static String text(double rate) {
        int[] rgb = rgb(rate);
        double luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
        return luminance > 0.55 ? "#1b1f24" : "#ffffff";
    }

    private static int[] rgb(double rate) {
        double x = Math.max(0, Math.min(1, rate)) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(x), STOPS.length - 2);
        double f = x - i;
        int[] out = new int[3];
        for (int k = 0; k < 3; k++) out[k] = (int) Math.round(STOPS[i][k] + (STOPS[i + 1][k] - STOPS[i][k]) * f);
        return out;
    }

    /** CSS gradient of the whole scale, for the legend. */
    static String gradient() {
        StringBuilder s = new StringBuilder("linear-gradient(90deg");
        for (int i = 0; i < STOPS.length; i++) s.append(", ").append(background(i / (double) (STOPS.length - 1)));
        return s.append(')').toString();
    }
}
