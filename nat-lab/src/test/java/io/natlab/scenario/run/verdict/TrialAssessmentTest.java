package io.natlab.scenario.run.verdict;

import io.natlab.punch.Method;
import io.natlab.punch.Outcome;
import io.natlab.result.TrialResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TrialAssessmentTest {
    private static ClientReport direct(String method, double ms, long bytes) {
        return new ClientReport("direct", method, "l", "r", ms, 1, 0.3, bytes, null);
    }

    @Test
    void successNeedsBothSidesDirectWithTheEchoVerified() {
        TrialResult t = TrialAssessment.assess(1, direct("accept", 40, 1024), direct("connect", 55, 1024), 1024,
            Duration.ofSeconds(2), 900, null);
        assertThat(t.success()).isTrue();
        assertThat(t.timeToPunchMs()).isEqualTo(55.0);
        assertThat(t.method()).isEqualTo(Method.ACCEPT);
        assertThat(t.attempts()).isEqualTo(2);
        assertThat(t.error()).isNull();
    }

    @Test
    void oneSideFailingFailsTheTrial() {
        TrialResult t = TrialAssessment.assess(2, direct("accept", 40, 1024), ClientReport.failure("timeout"), 1024,
            Duration.ofSeconds(2), 900, "d");
        assertThat(t.success()).isFalse();
        assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(t.error()).isEqualTo("second: timeout");
        assertThat(t.timeToPunchMs()).isNull();
    }

    @Test
    void shortEchoFailsTheTrial() {
        TrialResult t = TrialAssessment.assess(3, direct("accept", 40, 1024), direct("connect", 40, 512), 1024,
            Duration.ofSeconds(2), 900, null);
        assertThat(t.success()).isFalse();
        assertThat(t.error()).contains("second: verified 512 of 1024");
    }

    @Test
    void overBudgetPunchIsDirectButNotASuccess() {
        TrialResult t = TrialAssessment.assess(4, direct("accept", 40, 1024), direct("connect", 2500, 1024), 1024,
            Duration.ofSeconds(2), 3000, null);
        assertThat(t.outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(t.withinBudget()).isFalse();
        assertThat(t.success()).isFalse();
        assertThat(t.error()).contains("over the 2000 ms budget");
    }
}
