package io.natlab.result;

import java.util.List;

/**
 * One scenario file's run.
 *
 * @param name        scenario name
 * @param file        path as given
 * @param description the one-line description
 * @param labStartMs  time to start its lab (0 when a lab was reused)
 * @param wallMs      wall time of the whole scenario
 * @param pairs       every pair x order x strategy
 * @param error       non-null when the scenario could not run (invalid file, lab failed to start): a failure
 * @param rerun       one command that reruns just this scenario
 */
public record ScenarioResult(String name, String file, String description, double labStartMs, double wallMs,
                             List<PairResult> pairs, String error, String rerun) {
    public boolean passed() { return error == null && pairs.stream().allMatch(p -> p.verdict() == Verdict.PASS); }
}
