package io.natlab.result;

/**
 * How long each phase of a punch took, in ms; null for a phase that was never entered.
 *
 * @param registrationMs from the runner launching the client (JVM start included) to its {@code registered} event
 * @param punchMs        from the {@code instructed} event to {@code established} (or to the failure / the end of the
 *                       client when it never established)
 * @param streamMs       from {@code established} to the client's exit: the echo and RTT check over the stream
 */
public record PhaseTimes(Double registrationMs, Double punchMs, Double streamMs) {
    public static final PhaseTimes NONE = new PhaseTimes(null, null, null);

    /** Each phase's slower side: the phase took as long as its slower client. */
    public static PhaseTimes slowest(PhaseTimes a, PhaseTimes b) {
        return new PhaseTimes(max(a.registrationMs, b.registrationMs), max(a.punchMs, b.punchMs), max(a.streamMs, b.streamMs));
    }

    private static Double max(Double x, Double y) {
        if (x == null) return y;
        return y == null ? x : Double.valueOf(Math.max(x, y));
    }
}
