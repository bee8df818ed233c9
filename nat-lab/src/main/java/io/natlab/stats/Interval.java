package io.natlab.stats;

/** An interval on a success rate, both ends in [0, 1]. */
public record Interval(double low, double high) {
    /** e.g. "[44%, 100%]". */
    @Override public String toString() {
        return "[" + Math.round(low * 100) + "%, " + Math.round(high * 100) + "%]";
    }
}
