package io.natlab.scenario.run.verdict;

import io.natlab.result.Stability;
import io.natlab.scenario.Expectation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityRuleTest {
    private static String label(Expectation e, int successes, int trials) {
        return StabilityRule.of(e, successes, trials, 0.8).label();
    }

    @Test
    void unanimousTrialsAreStableWhenExpectedAndBrokenWhenNot() {
        assertThat(label(Expectation.DIRECT, 5, 5)).isEqualTo("stable"); // CI [57%, 100%] still straddles 80%
        assertThat(label(Expectation.FAILED, 0, 5)).isEqualTo("stable");
        assertThat(label(Expectation.DIRECT, 0, 5)).isEqualTo("broken");
        assertThat(label(Expectation.FAILED, 3, 3)).isEqualTo("broken");
    }

    @Test
    void mixedTrialsWhoseIntervalStraddlesTheThresholdAreFlakyWhateverTheVerdict() {
        assertThat(label(Expectation.DIRECT, 4, 5)).isEqualTo("flaky"); // passes (80%) by one trial: CI [38%, 96%]
        assertThat(label(Expectation.DIRECT, 3, 5)).isEqualTo("flaky"); // fails: CI [23%, 88%]
        assertThat(label(Expectation.FAILED, 7, 10)).isEqualTo("flaky"); // CI [40%, 89%]
    }

    @Test
    void mixedTrialsWithTheWholeIntervalOnOneSideAreStableOrBroken() {
        assertThat(label(Expectation.DIRECT, 98, 100)).isEqualTo("stable"); // CI [93%, 99%]: reliably above 80%
        assertThat(label(Expectation.FAILED, 1, 10)).isEqualTo("stable");   // CI [2%, 40%]: a rare race, reliably below
        assertThat(label(Expectation.DIRECT, 2, 10)).isEqualTo("broken");   // CI [6%, 51%]
        assertThat(label(Expectation.FAILED, 98, 100)).isEqualTo("broken");
    }

    @Test
    void theIntervalBoundIsInclusiveOnTheDirectSideAndTheThresholdIsRecorded() {
        // 99/100: CI low 94.6%; with the threshold exactly there it is "at or above".
        Stability s = StabilityRule.of(Expectation.DIRECT, 99, 100, 0.5);
        assertThat(s.label()).isEqualTo("stable");
        assertThat(s.threshold()).isEqualTo(0.5);
        assertThat(StabilityRule.of(Expectation.DIRECT, 0, 0, 0.8)).isNull();
    }
}
