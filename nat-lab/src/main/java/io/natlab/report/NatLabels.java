package io.natlab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders and abbreviates NAT path labels as the runner writes them ("port-restricted-cone",
 * "none", "port-restricted-cone behind symmetric").
 */
public final class NatLabels {
    private NatLabels() {}

    /** Reading order of the matrix axes: most open to most restrictive. */
    static final List<String> KNOWN = List.of("none", "full-cone", "restricted-cone", "port-restricted-cone",
            "symmetric", "symmetric-sequential");

    private static final Map<String, String> SHORT = Map.of("none", "none", "full-cone", "FC",
            "restricted-cone", "RC", "port-restricted-cone", "PRC", "symmetric", "SYM",
            "symmetric-sequential", "SYM-SEQ");

    /**
     * Known labels first in {@link #KNOWN} order; then every other label (nested paths, custom overrides), grouped
     * by the known label they start with, then alphabetically.
     */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String label) -> KNOWN.contains(label) ? 0 : 1)
            .thenComparingInt(NatLabels::leadingRank)
            .thenComparing(Comparator.naturalOrder());

    private static int leadingRank(String label) {
        int best = KNOWN.size();
        String head = label.split("\\s+", 2)[0];
        int i = KNOWN.indexOf(head);
        return i >= 0 ? i : best;
    }

    /** Short form for the console: "port-restricted-cone behind symmetric" becomes "PRC<SYM". */
    public static String abbreviate(String label) {
        StringBuilder out = new StringBuilder();
        for (String word : label.trim().split("\\s+")) {
            if (word.equals("behind")) { out.append('<'); continue; }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '<') out.append(' ');
            out.append(SHORT.getOrDefault(word, word));
        }
        return out.toString();
    }
}
