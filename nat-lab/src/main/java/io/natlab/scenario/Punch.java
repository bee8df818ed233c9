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
 * @param stream     what the held stream is expected to do through the scenario's events (auto when not held)
 */
public record Punch(String a, String b, Expectation expect, boolean bothOrders, SourceRef where,
                    io.natlab.scenario.stream.StreamExpectation stream) {
    public Punch {
        if (stream == null) stream = io.natlab.scenario.stream.StreamExpectation.AUTO;
    }

    public Punch(String a, String b, Expectation expect, boolean bothOrders, SourceRef where) {
        this(a, b, expect, bothOrders, where, null);
    }
}
