package io.natlab.scenario.stream;

/**
 * What a pair's held stream is expected to do.
 *
 * @param outcome SURVIVES, BREAKS or RECOVERS
 * @param ruleId  the stream rule that decided it, "declared", or "no-events"
 * @param reason  each event on the pair's routers with the rule that judged it
 */
public record StreamPrediction(StreamExpectation outcome, String ruleId, String reason) {
    public StreamPrediction {
        if (outcome == StreamExpectation.AUTO) throw new IllegalArgumentException("a prediction is survives, breaks or recovers");
    }
}
