package io.natlab.result;

/**
 * One trial of one pair: both clients' JSON results condensed.
 *
 * @param index          1-based trial number
 * @param outcome        "direct" when BOTH clients reported direct with bytes verified both ways, else "failed"
 * @param method         the first peer's method (connect / accept / private), null on failure
 * @param timeToPunchMs  max of the two clients' elapsedMs (START to authenticated stream), null on failure
 * @param attempts       sum of both clients' connect attempts
 * @param rttMs          RTT measured over the punched stream (first peer), null on failure
 * @param bytesVerified  bytes verified each way (min of both sides)
 * @param withinBudget   direct and timeToPunchMs within the scenario budget
 * @param error          why it failed (client errors, timeouts), null on success
 * @param wallMs         wall time the trial took, overhead included
 * @param diagnostics    directory with this trial's diagnostics (relative to the report dir), null when none written
 */
public record TrialResult(int index, String outcome, String method, Double timeToPunchMs, int attempts, Double rttMs,
                          long bytesVerified, boolean withinBudget, String error, double wallMs, String diagnostics) {
    public boolean success() { return "direct".equals(outcome) && withinBudget; }
}
