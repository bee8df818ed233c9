package io.natlab.scenario.run.verdict;

import io.natlab.punch.Outcome;
import io.natlab.result.ClientStage;
import io.natlab.result.ClientTrace;
import io.natlab.result.FailedAt;
import io.natlab.result.PhaseTimes;
import io.natlab.result.TrialResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns both clients' reports into one {@link TrialResult}. A trial is a success only when both sides report
 * direct, each verified the echo both ways, and the slower side's time-to-punch is within the budget. A trial that
 * is not says where it stopped ({@link FailedAt}).
 */
public final class TrialAssessment {
    private TrialAssessment() {}

    /** From the clients' JSON alone (no event logs): stages are what the JSON implies. */
    public static TrialResult assess(int index, ClientReport first, ClientReport second, int echoBytes,
                                     Duration budget, double wallMs, String diagnostics) {
        return assess(index, first, second, echoBytes, budget, wallMs, diagnostics,
            ClientTraces.fromReport(first), ClientTraces.fromReport(second), null, List.of());
    }

    /** From both client processes: traces, phase times and attempts from their event logs. */
    public static TrialResult assess(int index, ClientRun first, ClientRun second, int echoBytes, Duration budget,
                              double wallMs) {
        ClientTrace a = ClientTraces.of(first), b = ClientTraces.of(second);
        return assess(index, first.report(), second.report(), echoBytes, budget, wallMs, null, a.stage(), b.stage(),
            PhaseTimes.slowest(a.phases(), b.phases()), List.of(a, b));
    }

    private static TrialResult assess(int index, ClientReport first, ClientReport second, int echoBytes,
                                      Duration budget, double wallMs, String diagnostics, ClientStage firstStage,
                                      ClientStage secondStage, PhaseTimes phases, List<ClientTrace> traces) {
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
        int attempts = traces.isEmpty() ? first.attempts() + second.attempts()
            : traces.stream().mapToInt(ClientTrace::attempts).sum();
        return new TrialResult(index, direct ? Outcome.DIRECT : Outcome.FAILED, direct ? first.methodKind() : null,
            direct ? ttp : null, attempts, direct ? first.rttMs() : null,
            Math.min(first.bytesVerified(), second.bytesVerified()), within,
            problems.isEmpty() ? null : String.join("; ", problems), wallMs, diagnostics,
            failedAt(direct, within, firstStage, secondStage), phases, traces);
    }

    /**
     * Where a trial stopped: over budget when it punched and verified but too slowly; otherwise the earliest phase
     * one of the clients did not get through (no start instruction: rendezvous; no agreed stream: punch; a stream
     * whose echo did not verify: stream). Null for a success.
     */
    static FailedAt failedAt(boolean direct, boolean withinBudget, ClientStage first, ClientStage second) {
        if (direct) return withinBudget ? null : FailedAt.BUDGET;
        ClientStage least = first.compareTo(second) <= 0 ? first : second;
        if (!least.reached(ClientStage.INSTRUCTED)) return FailedAt.RENDEZVOUS;
        if (!least.reached(ClientStage.ESTABLISHED)) return FailedAt.PUNCH;
        return FailedAt.STREAM;
    }

    private static void check(String side, ClientReport r, int echoBytes, List<String> problems) {
        if (!r.direct()) problems.add(side + ": " + (r.error() == null ? "failed" : r.error()));
        else if (r.bytesVerified() < echoBytes)
            problems.add(side + ": verified " + r.bytesVerified() + " of " + echoBytes + " echo bytes");
    }
}
