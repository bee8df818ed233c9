package io.natlab.scenario;

import io.natlab.yaml.Durations;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code budget:} or {@code timeout:} that may scale with the pair's round trip: {@code 2rtt + 100ms},
 * {@code 3rtt}, {@code 1.5s}. {@code rtt} is the pair's configured path RTT ({@link PairRtt}), so one scenario stays
 * meaningful at any latency. Pure.
 *
 * @param rtts  how many configured RTTs (0: a plain duration)
 * @param fixed the constant part
 */
public record TimeBudget(double rtts, Duration fixed) {
    private static final Pattern TERM = Pattern.compile("\\s*(?:(\\d+(?:\\.\\d+)?)\\s*rtt|([^+\\s][^+]*?))\\s*(?:\\+|$)");

    public TimeBudget {
        if (rtts < 0 || fixed.isNegative()) throw new IllegalArgumentException("a budget cannot be negative");
    }

    public static TimeBudget of(Duration d) { return new TimeBudget(0, d); }

    /** {@code 2rtt + 100ms}, {@code 100ms + 2rtt}, {@code 3rtt}, {@code 2s}; throws with a readable message. */
    public static TimeBudget parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.contains("rtt")) return of(Durations.parse(t));
        double rtts = 0;
        Duration fixed = Duration.ZERO;
        int at = 0;
        Matcher m = TERM.matcher(t);
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at)
                throw new IllegalArgumentException("'" + text + "' is not a budget; write e.g. 2rtt + 100ms, 3rtt or 2s");
            if (m.group(1) != null) rtts += Double.parseDouble(m.group(1));
            else fixed = fixed.plus(term(text, m.group(2).strip()));
            at = m.end();
        }
        if (t.endsWith("+")) throw new IllegalArgumentException("'" + text + "' ends with '+'; write e.g. 2rtt + 100ms");
        return new TimeBudget(rtts, fixed);
    }

    private static Duration term(String text, String term) {
        try {
            return Durations.parse(term);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a budget ('" + term + "' is neither Nrtt nor a duration); "
                + "write e.g. 2rtt + 100ms, 3rtt or 2s");
        }
    }

    public boolean relative() { return rtts > 0; }

    /** The budget for a pair whose configured path RTT is {@code rtt}. */
    public Duration resolve(Duration rtt) {
        return fixed.plus(Duration.ofNanos(Math.round(rtts * rtt.toNanos())));
    }

    /** Both forms, e.g. {@code 2rtt + 100ms = 260 ms} (just {@code 2 s} when not relative). */
    public String describe(Duration rtt) {
        return relative() ? this + " = " + resolve(rtt).toMillis() + " ms" : resolve(rtt).toMillis() + " ms";
    }

    @Override public String toString() {
        String r = rtts == Math.rint(rtts) ? Long.toString((long) rtts) : Double.toString(rtts);
        if (!relative()) return fixed.toMillis() + "ms";
        return r + "rtt" + (fixed.isZero() ? "" : " + " + fixed.toMillis() + "ms");
    }
}
