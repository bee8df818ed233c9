package io.natlab.scenario;

import io.natlab.yaml.SourceRef;

/**
 * One pair that punches.
 *
 * @param a          first peer (registers first in the "a-b" role order)
 * @param b          second peer
 * @param expect     expected outcome
 * @param bothOrders run both role orders (a first, then b first); default true
 * @param where      where it was declared
 * @param skews      this pair's own start skews ({@code skew:} in the entry), empty: the scenario's
 */
public record Punch(String a, String b, Expectation expect, boolean bothOrders, SourceRef where,
                    java.util.List<java.time.Duration> skews) {
    public Punch {
        skews = skews == null ? java.util.List.of() : java.util.List.copyOf(skews);
    }

    /** With the scenario's skews. */
    public Punch(String a, String b, Expectation expect, boolean bothOrders, SourceRef where) {
        this(a, b, expect, bothOrders, where, java.util.List.of());
    }
}
