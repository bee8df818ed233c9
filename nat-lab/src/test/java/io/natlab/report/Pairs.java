package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.punch.Method;
import io.natlab.stats.Interval;
import io.natlab.stats.Stats;
import io.natlab.result.PairResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made pair results with exactly the trials a test needs. */
final class Pairs {
    private Pairs() {}

    /**
     * @param times time-to-punch per trial; null means a failed trial
     */
    static PairResult pair(String firstNat, String secondNat, String unsolicited, String strategy, Verdict verdict,
                           Double... times) {
        List<TrialResult> trials = new ArrayList<>();
        List<Double> ok = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            Double t = times[i];
            trials.add(t == null
                    ? new TrialResult(i + 1, Outcome.FAILED, null, null, 3, null, 0, false, "timeout", 6000, null)
                    : new TrialResult(i + 1, Outcome.DIRECT, Method.CONNECT, t, 1, 0.3, 65536, true, null, 1800, null));
            if (t != null) ok.add(t);
        }
        int successes = ok.size();
        Outcome observed = successes >= 0.8 * times.length && times.length > 0 ? Outcome.DIRECT : Outcome.FAILED;
        Interval w = Stats.wilson(successes, times.length);
        Outcome expected = verdict == Verdict.PASS ? observed : observed == Outcome.DIRECT ? Outcome.FAILED : Outcome.DIRECT;
        return new PairResult("alice", "bob", firstNat, secondNat, unsolicited, strategy, "auto", expected, "rule",
                observed, successes, times.length, w.low(), w.high(), Stats.percentile(ok, 50), Stats.percentile(ok, 95),
                Stats.max(ok), Map.of("connect", successes), 1, Map.of(), verdict,
                "expected " + expected.wireName() + ", observed " + observed.wireName(), trials, verdict == Verdict.PASS ? null : "s/alice-bob");
    }

    static PairResult pass(String firstNat, String secondNat, Double... times) {
        return pair(firstNat, secondNat, "drop", "listen-connect", Verdict.PASS, times);
    }
}
