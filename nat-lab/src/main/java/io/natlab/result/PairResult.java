package io.natlab.result;

import io.natlab.punch.Outcome;

import java.util.List;
import java.util.Map;

/**
 * One pair in one role order with one strategy, over all its trials: the unit a verdict is given on
 * and one cell of the report matrix (row = first peer's NAT, column = second peer's NAT).
 *
 * @param first            peer that registers first
 * @param second           the other peer
 * @param firstNat         label of the first peer's NAT path, e.g. "port-restricted-cone", "none" (public),
 *                         "port-restricted-cone behind symmetric" (nested)
 * @param secondNat        same for the second peer
 * @param unsolicited      the unsolicited-SYN policies on the path, e.g. "drop" or "drop/rst" (first/second) when they differ
 * @param strategy         listen-connect or connect-only
 * @param expectation      as written: direct, failed or auto
 * @param expected         resolved expectation: direct or failed
 * @param expectedReason   why (the oracle rule that applied, or "declared in the scenario")
 * @param observed         direct when the success rate reached minSuccessRate, else failed
 * @param successes        successful trials
 * @param trials           trials run
 * @param wilsonLow        Wilson 95% interval of the success rate, low end
 * @param wilsonHigh       high end
 * @param p50Ms            time-to-punch percentiles over successful trials (null when none)
 * @param p95Ms            "
 * @param maxMs            "
 * @param methods          method -> count over successful trials
 * @param meanAttempts     mean connect attempts per trial
 * @param classification   site name -> measured classification summary (may be empty when not measured)
 * @param verdict          the verdict
 * @param message          human explanation: expected vs observed, successes with interval, diagnostics path
 * @param trialResults     every trial
 * @param diagnostics      diagnostics directory of this pair (relative to the report dir), null when none
 * @param failedAt         where the trials that were not a success stopped: phase -> count
 * @param conditions       what besides the NATs, policy and strategy shapes this pair (null in older results: plain)
 * @param firstImpl        the implementation the first peer ran (docs/peer-contract.md; "punch-core" when absent)
 * @param secondImpl       the implementation the second peer ran
 * @param stability        stable, flaky or broken against the scenario's threshold (null for an error or older results)
 * @param control          the pair's negative control, a plain dial each way before the trials (null when not run)
 */
public record PairResult(String first, String second, String firstNat, String secondNat, String unsolicited,
                         String strategy, String expectation, Outcome expected, String expectedReason, Outcome observed,
                         int successes, int trials, double wilsonLow, double wilsonHigh,
                         Double p50Ms, Double p95Ms, Double maxMs, Map<String, Integer> methods, double meanAttempts,
                         Map<String, String> classification, Verdict verdict, String message,
                         List<TrialResult> trialResults, String diagnostics, Map<FailedAt, Integer> failedAt,
                         PairConditions conditions, String firstImpl, String secondImpl, Stability stability,
                         NegativeControl control) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public PairResult {
        failedAt = failedAt == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(failedAt));
        if (conditions == null) conditions = PairConditions.PLAIN;
        if (firstImpl == null) firstImpl = PairConditions.PUNCH_CORE;
        if (secondImpl == null) secondImpl = PairConditions.PUNCH_CORE;
    }

    /** Without stability and negative control. */
    public PairResult(String first, String second, String firstNat, String secondNat, String unsolicited,
                      String strategy, String expectation, Outcome expected, String expectedReason, Outcome observed,
                      int successes, int trials, double wilsonLow, double wilsonHigh,
                      Double p50Ms, Double p95Ms, Double maxMs, Map<String, Integer> methods, double meanAttempts,
                      Map<String, String> classification, Verdict verdict, String message,
                      List<TrialResult> trialResults, String diagnostics, Map<FailedAt, Integer> failedAt,
                      PairConditions conditions, String firstImpl, String secondImpl) {
        this(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected, expectedReason, observed,
            successes, trials, wilsonLow, wilsonHigh, p50Ms, p95Ms, maxMs, methods, meanAttempts, classification, verdict,
            message, trialResults, diagnostics, failedAt, conditions, firstImpl, secondImpl, null, null);
    }

    /** This result with its stability label. */
    public PairResult withStability(Stability s) {
        return new PairResult(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected,
            expectedReason, observed, successes, trials, wilsonLow, wilsonHigh, p50Ms, p95Ms, maxMs, methods, meanAttempts,
            classification, verdict, message, trialResults, diagnostics, failedAt, conditions, firstImpl, secondImpl, s,
            control);
    }

    /** This result with its negative control. */
    public PairResult withControl(NegativeControl c) {
        return new PairResult(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected,
            expectedReason, observed, successes, trials, wilsonLow, wilsonHigh, p50Ms, p95Ms, maxMs, methods, meanAttempts,
            classification, verdict, message, trialResults, diagnostics, failedAt, conditions, firstImpl, secondImpl,
            stability, c);
    }

    /** punch-core on both sides. */
    public PairResult(String first, String second, String firstNat, String secondNat, String unsolicited,
                      String strategy, String expectation, Outcome expected, String expectedReason, Outcome observed,
                      int successes, int trials, double wilsonLow, double wilsonHigh,
                      Double p50Ms, Double p95Ms, Double maxMs, Map<String, Integer> methods, double meanAttempts,
                      Map<String, String> classification, Verdict verdict, String message,
                      List<TrialResult> trialResults, String diagnostics, Map<FailedAt, Integer> failedAt,
                      PairConditions conditions) {
        this(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected, expectedReason, observed,
            successes, trials, wilsonLow, wilsonHigh, p50Ms, p95Ms, maxMs, methods, meanAttempts, classification, verdict,
            message, trialResults, diagnostics, failedAt, conditions, null, null);
    }

    /** A pair without failure phases, plain conditions (hand-written results, tests). */
    public PairResult(String first, String second, String firstNat, String secondNat, String unsolicited,
                      String strategy, String expectation, Outcome expected, String expectedReason, Outcome observed,
                      int successes, int trials, double wilsonLow, double wilsonHigh,
                      Double p50Ms, Double p95Ms, Double maxMs, Map<String, Integer> methods, double meanAttempts,
                      Map<String, String> classification, Verdict verdict, String message,
                      List<TrialResult> trialResults, String diagnostics) {
        this(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected, expectedReason, observed,
            successes, trials, wilsonLow, wilsonHigh, p50Ms, p95Ms, maxMs, methods, meanAttempts, classification, verdict,
            message, trialResults, diagnostics, null, null, (String) null, null);
    }
}
