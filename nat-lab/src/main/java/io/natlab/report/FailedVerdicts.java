package io.natlab.report;

import io.natlab.scenario.run.evidence.Diagnostics;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Everything that failed in a run, in run order: pairs whose verdict is not PASS, and scenarios that could not run. */
final class FailedVerdicts {
    private FailedVerdicts() {}

    /**
     * One failure.
     *
     * @param pair null for a scenario error
     */
    record Failure(ScenarioResult scenario, PairResult pair) {
        String title() {
            if (pair == null) return scenario.name() + ": scenario error";
            return scenario.name() + ": " + Format.pairName(pair) + " (" + pair.strategy() + ", unsolicited "
                    + pair.unsolicited() + (pair.conditions().skewMs() > 0 ? ", skew " + pair.conditions().skewMs() + " ms" : "")
                    + ") " + Format.verdict(pair.verdict());
        }

        String message() { return pair == null ? scenario.error() : pair.message(); }

        /** Diagnostics dir relative to the report, null when none; a pair without its own falls back to none. */
        String diagnostics() { return pair == null ? null : pair.diagnostics(); }
    }

    static List<Failure> of(RunResult run) {
        List<Failure> failures = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            if (s.error() != null) failures.add(new Failure(s, null));
            if (s.pairs() == null) continue;
            for (PairResult p : s.pairs()) if (p.verdict() != Verdict.PASS) failures.add(new Failure(s, p));
        }
        return failures;
    }
}
