package io.natlab.scenario.run.verdict;

import io.natlab.punch.Outcome;
import io.natlab.result.Verdict;
import io.natlab.scenario.Expectation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgementTest {

    @Test
    void expectedDirectReachedIsAPass() {
        Judgement j = Judgement.of(Expectation.DIRECT, 3, 3, 0.8, "rule x", null);
        assertThat(j.verdict()).isEqualTo(Verdict.PASS);
        assertThat(j.observed()).isEqualTo(Outcome.DIRECT);
        assertThat(j.message()).contains("expected direct (rule x), observed direct", "3/3", "95% CI [44%, 100%]");
    }

    @Test
    void minSuccessRateBoundaryCountsAsReached() {
        assertThat(Judgement.of(Expectation.DIRECT, 4, 5, 0.8, "r", null).verdict()).isEqualTo(Verdict.PASS);
        assertThat(Judgement.of(Expectation.DIRECT, 3, 5, 0.8, "r", null).verdict()).isEqualTo(Verdict.UNEXPECTED_FAILURE);
    }

    @Test
    void unexpectedFailureNamesTheDiagnostics() {
        Judgement j = Judgement.of(Expectation.DIRECT, 0, 3, 0.8, "r", "prc/alice-bob-listen-connect");
        assertThat(j.verdict()).isEqualTo(Verdict.UNEXPECTED_FAILURE);
        assertThat(j.message()).startsWith("UNEXPECTED FAILURE").contains("observed failed", "0/3",
            "diagnostics: prc/alice-bob-listen-connect");
    }

    @Test
    void reliableSuccessOfAnExpectedFailureIsUnexpected() {
        assertThat(Judgement.of(Expectation.FAILED, 0, 3, 0.8, "r", null).verdict()).isEqualTo(Verdict.PASS);
        Judgement all = Judgement.of(Expectation.FAILED, 3, 3, 0.8, "r", null);
        assertThat(all.verdict()).isEqualTo(Verdict.UNEXPECTED_SUCCESS);
        assertThat(all.message()).startsWith("UNEXPECTED SUCCESS");
        assertThat(Judgement.of(Expectation.FAILED, 4, 5, 0.8, "r", null).verdict()).isEqualTo(Verdict.UNEXPECTED_SUCCESS);
    }

    @Test
    void anOccasionalSuccessIsARaceNotAReliablePunch() {
        Judgement j = Judgement.of(Expectation.FAILED, 2, 3, 0.8, "r", null);
        assertThat(j.observed()).isEqualTo(Outcome.FAILED);
        assertThat(j.verdict()).isEqualTo(Verdict.PASS);
        assertThat(j.message()).contains("2 punched: a race");
    }
}
