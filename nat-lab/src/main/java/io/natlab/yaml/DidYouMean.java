package io.natlab.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one (edit distance), e.g. {@code filterin -> filtering}. */
public final class DidYouMean {

    private DidYouMean() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = normalise(typed);
        int limit = Math.max(2, t.length() / 3);
        return known.stream()
            .filter(k -> distance(t, normalise(k)) <= limit)
            .min(Comparator.comparingInt((String k) -> distance(t, normalise(k))).thenComparing(k -> k));
    }

    /** " (did you mean 'x'?)" or "" — ready to append to a message. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    // Case and '_' vs '-' are the commonest slips; treat them as free.
    private static String normalise(String s) { return s.toLowerCase(Locale.ROOT).replace('_', '-'); }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
