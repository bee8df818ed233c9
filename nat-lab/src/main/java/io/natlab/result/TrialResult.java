package io.natlab.result;

import io.natlab.punch.Method;
import io.natlab.punch.Outcome;

import java.util.List;

/**
 * One trial of one pair: both clients' JSON results condensed.
 *
 * @param index          1-based trial number
 * @param outcome        direct when BOTH clients reported direct with bytes verified both ways, else failed
 * @param method         the first peer's method (connect / accept / private), null on failure
 * @param timeToPunchMs  max of the two clients' elapsedMs (START to authenticated stream), null on failure
 * @param attempts       sum of both clients' connect attempts
 * @param rttMs          RTT measured over the punched stream (first peer), null on failure
 * @param bytesVerified  bytes verified each way (min of both sides)
 * @param withinBudget   direct and timeToPunchMs within the scenario budget
 * @param error          why it failed (client errors, timeouts), null on success
 * @param wallMs         wall time the trial took, overhead included
 * @param diagnostics    directory with this trial's diagnostics (relative to the report dir), null when none written
 * @param failedAt       where a trial that is not a success stopped, null on success
 * @param phases         each phase's time, the slower client's
 * @param clients        both clients, first then second (empty in results written before they were recorded)
 * @param stream         how the held stream fared (null when the scenario does not hold it)
 */
public record TrialResult(int index, Outcome outcome, Method method, Double timeToPunchMs, int attempts, Double rttMs,
                          long bytesVerified, boolean withinBudget, String error, double wallMs, String diagnostics,
                          FailedAt failedAt, PhaseTimes phases, List<ClientTrace> clients, StreamResult stream) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public TrialResult { clients = clients == null ? List.of() : List.copyOf(clients); }

    /** A trial whose stream was not held. */
    public TrialResult(int index, Outcome outcome, Method method, Double timeToPunchMs, int attempts, Double rttMs,
                       long bytesVerified, boolean withinBudget, String error, double wallMs, String diagnostics,
                       FailedAt failedAt, PhaseTimes phases, List<ClientTrace> clients) {
        this(index, outcome, method, timeToPunchMs, attempts, rttMs, bytesVerified, withinBudget, error, wallMs,
            diagnostics, failedAt, phases, clients, null);
    }

    /** A trial without its phases and clients (hand-written results, tests). */
    public TrialResult(int index, Outcome outcome, Method method, Double timeToPunchMs, int attempts, Double rttMs,
                       long bytesVerified, boolean withinBudget, String error, double wallMs, String diagnostics) {
        this(index, outcome, method, timeToPunchMs, attempts, rttMs, bytesVerified, withinBudget, error, wallMs,
            diagnostics, null, null, List.of());
    }

    /** Direct within budget, and a held stream did what was expected. */
    public boolean success() { return outcome == Outcome.DIRECT && withinBudget && (stream == null || stream.holds()); }

    public TrialResult withStream(StreamResult s) {
        return new TrialResult(index, outcome, method, timeToPunchMs, attempts, rttMs, bytesVerified, withinBudget,
            error, wallMs, diagnostics, failedAt, phases, clients, s);
    }

    public TrialResult withDiagnostics(String dir, double wallMs) {
        return new TrialResult(index, outcome, method, timeToPunchMs, attempts, rttMs, bytesVerified, withinBudget,
            error, wallMs, dir, failedAt, phases, clients, stream);
    }
}
