package io.natlab.scenario.run;

/**
 * The Wilson score interval of a success proportion: honest at small trial counts and at 0 or n successes,
 * where the normal approximation collapses to a zero-width interval.
 */
public record WilsonInterval(double low, double high) {
    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959964;

    public static WilsonInterval of95(int successes, int trials) { return of(successes, trials, Z95); }

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new IllegalArgumentException(successes + "/" + trials + " is not a success count");
        if (trials == 0) return new WilsonInterval(0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** e.g. "[44%, 100%]". */
    @Override public String toString() {
        return "[" + Math.round(low * 100) + "%, " + Math.round(high * 100) + "%]";
    }
}
