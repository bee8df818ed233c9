package io.natlab.scenario.theory;

import io.natlab.scenario.Expectation;

/**
 * What the theory predicts for one pair, role order and strategy.
 *
 * @param outcome {@link Expectation#DIRECT} or {@link Expectation#FAILED}
 * @param ruleId  the id of the table row that decided it
 * @param reason  one human sentence: why
 */
public record Prediction(Expectation outcome, String ruleId, String reason) {
    public Prediction {
        if (outcome == Expectation.AUTO) throw new IllegalArgumentException("a prediction is direct or failed");
    }
}
