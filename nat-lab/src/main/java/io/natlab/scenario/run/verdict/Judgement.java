package io.natlab.scenario.run.verdict;

import io.natlab.punch.Outcome;
import io.natlab.stats.Stats;
import io.natlab.result.Verdict;
import io.natlab.scenario.Expectation;

/**
 * The verdict on one pair: what was observed against what was expected.
 * Observed is {@code direct} when the success rate reaches {@code minSuccessRate}, else {@code failed}: a pair that
 * punches only now and then is not a pair an application can rely on, which is what "failed" claims. Occasional
 * successes of an expected failure are named in the message.
 *
 * @param observed  direct or failed
 * @param verdict   PASS, UNEXPECTED_FAILURE or UNEXPECTED_SUCCESS
 * @param message   expected vs observed, successes/trials with the Wilson 95 % interval, and where diagnostics are
 */
public record Judgement(Outcome observed, Verdict verdict, String message) {

    public static Judgement of(Expectation expected, int successes, int trials, double minSuccessRate,
                               String expectedReason, String diagnostics) {
        if (expected == Expectation.AUTO) throw new IllegalArgumentException("resolve auto before judging");
        if (trials <= 0) throw new IllegalArgumentException("no trials to judge");
        double rate = successes / (double) trials;
        Outcome observed = rate >= minSuccessRate ? Outcome.DIRECT : Outcome.FAILED;
        Verdict verdict;
        if (observed == expected.outcome()) verdict = Verdict.PASS;
        else if (expected == Expectation.DIRECT) verdict = Verdict.UNEXPECTED_FAILURE;
        else verdict = Verdict.UNEXPECTED_SUCCESS;

        StringBuilder m = new StringBuilder()
            .append(verdict == Verdict.PASS ? "as expected: " : verdict == Verdict.UNEXPECTED_FAILURE
                ? "UNEXPECTED FAILURE: " : "UNEXPECTED SUCCESS: ")
            .append("expected ").append(expected.yamlName()).append(" (").append(expectedReason).append("), observed ")
            .append(observed.wireName()).append(": ").append(successes).append('/').append(trials).append(" trials direct, ")
            .append("95% CI ").append(Stats.wilson(successes, trials))
            .append(", min success rate ").append(Math.round(minSuccessRate * 100)).append('%');
        if (observed == Outcome.FAILED && successes > 0) m.append(" (").append(successes).append(" punched: a race, not reliable)");
        if (diagnostics != null) m.append("; diagnostics: ").append(diagnostics);
        return new Judgement(observed, verdict, m.toString());
    }
}
