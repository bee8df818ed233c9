package io.natlab.scenario.run;

import io.natlab.result.TrialResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns both clients' reports into one {@link TrialResult}. A trial is a success only when both sides report
 * direct, each verified the echo both ways, and the slower side's time-to-punch is within the budget.
 */
public final class TrialAssessment {
    private TrialAssessment() {}

    public static TrialResult assess(int index, ClientReport first, ClientReport second, int echoBytes,
                                     Duration budget, double wallMs, String diagnostics) {
        List<String> problems = new ArrayList<>();
        check("first", first, echoBytes, problems);
        check("second", second, echoBytes, problems);
        boolean direct = problems.isEmpty();
        Double ttp = direct && first.elapsedMs() != null && second.elapsedMs() != null
            ? Math.max(first.elapsedMs(), second.elapsedMs()) : null;
        if (direct && ttp == null) { problems.add("a client reported direct without elapsedMs"); direct = false; }
        boolean within = direct && ttp <= budget.toNanos() / 1e6;
        // Over budget stays "direct" (it did punch) but is not a success.
        if (direct && !within) problems.add(String.format("time-to-punch %.1f ms over the %d ms budget", ttp, budget.toMillis()));
        return new TrialResult(index, direct ? "direct" : "failed", direct ? first.method() : null,
            direct ? ttp : null, first.attempts() + second.attempts(), direct ? first.rttMs() : null,
            Math.min(first.bytesVerified(), second.bytesVerified()), within,
            problems.isEmpty() ? null : String.join("; ", problems), wallMs, diagnostics);
    }

    private static void check(String side, ClientReport r, int echoBytes, List<String> problems) {
        if (!r.direct()) problems.add(side + ": " + (r.error() == null ? "failed" : r.error()));
        else if (r.bytesVerified() < echoBytes)
            problems.add(side + ": verified " + r.bytesVerified() + " of " + echoBytes + " echo bytes");
    }
}
