package io.natlab.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything besides the two NAT labels, the unsolicited-SYN policy and the strategy that changes whether a pair
 * punches. Reports never pool pairs whose conditions differ: each distinct set gets its own matrix. A new condition
 * is one more component here plus its words in {@link #label()}.
 *
 * @param placement         where the peers sit relative to each other: {@code internet} (paths meet only there),
 *                          {@code same-lan}, or {@code shared-nat} (different LANs behind one NAT, e.g. a CGN)
 * @param firstLossPercent  packet loss on the first peer's path, composed over its routers (0..100)
 * @param secondLossPercent same for the second peer
 * @param firstLatencyMs    added one-way delay on the first peer's path, summed over its routers
 * @param secondLatencyMs   same for the second peer
 * @param hairpin           a router on either path hairpins
 * @param implementation    the punch implementation both clients ran
 * @param skewMs            start skew: the second peer got its START this many ms after the first (0 in older results)
 */
public record PairConditions(String placement, double firstLossPercent, double secondLossPercent,
                             long firstLatencyMs, long secondLatencyMs, boolean hairpin, String implementation,
                             long skewMs) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public PairConditions {}

    /** Without start skew. */
    public PairConditions(String placement, double firstLossPercent, double secondLossPercent,
                          long firstLatencyMs, long secondLatencyMs, boolean hairpin, String implementation) {
        this(placement, firstLossPercent, secondLossPercent, firstLatencyMs, secondLatencyMs, hairpin, implementation, 0);
    }

    public PairConditions withSkewMs(long ms) {
        return new PairConditions(placement, firstLossPercent, secondLossPercent, firstLatencyMs, secondLatencyMs, hairpin,
            implementation, ms);
    }

    /** The same conditions at no skew: what the points of one skew curve share. */
    public PairConditions withoutSkew() { return withSkewMs(0); }

    public static final String INTERNET = "internet", SAME_LAN = "same-lan", SHARED_NAT = "shared-nat";
    public static final String PUNCH_CORE = "punch-core";

    /** Two peers on different networks that meet on the internet, nothing added: the plain NAT x NAT case. */
    public static final PairConditions PLAIN = new PairConditions(INTERNET, 0, 0, 0, 0, false, PUNCH_CORE);

    /** Short words for what differs from {@link #PLAIN}, e.g. "same LAN · hairpin on"; "" for plain pairs. */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (SAME_LAN.equals(placement)) parts.add("same LAN");
        else if (SHARED_NAT.equals(placement)) parts.add("behind one shared NAT");
        if (firstLossPercent > 0 || secondLossPercent > 0) parts.add("loss " + pair(percent(firstLossPercent), percent(secondLossPercent)));
        if (firstLatencyMs > 0 || secondLatencyMs > 0) parts.add("latency " + pair(firstLatencyMs + " ms", secondLatencyMs + " ms"));
        if (hairpin) parts.add("hairpin on");
        if (skewMs > 0) parts.add("skew " + skewMs + " ms");
        if (implementation != null && !PUNCH_CORE.equals(implementation)) parts.add("implementation " + implementation);
        return String.join(" · ", parts);
    }

    private static String pair(String first, String second) { return first.equals(second) ? first : first + "/" + second; }

    private static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }
}
