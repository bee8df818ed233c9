package io.natlab.compare;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a compare run's results into cells: one per scenario, pair, role order and strategy, with base × base as
 * the base side and head × head as the head side. Anything that kept a cell from being measured (a lab that did not
 * start, a pair that could not run, a side missing) is a problem: a gate that measured nothing must not pass.
 */
public final class CellPairing {
    /** The cells, and what could not be compared. */
    public record Pairing(List<CellSamples> cells, List<String> problems) {
    }

    private CellPairing() {
    }

    /** {@code scenario: first → second [strategy]}: a cell's name in every compare report. */
    public static String cellName(String scenario, PairResult p) {
        return scenario + ": " + p.first() + " → " + p.second() + " [" + p.strategy() + "]";
    }

    public static Pairing of(RunResult run, String base, String head) {
        List<CellSamples> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            if (s.error() != null) {
                problems.add(s.name() + ": " + s.error());
            }
            Map<String, PairResult[]> sides = new LinkedHashMap<>();
            for (PairResult p : s.pairs()) {
                int side = p.firstImpl().equals(base) && p.secondImpl().equals(base) ? 0
                        : p.firstImpl().equals(head) && p.secondImpl().equals(head) ? 1 : -1;
                if (side >= 0) {
                    sides.computeIfAbsent(cellName(s.name(), p), k -> new PairResult[2])[side] = p;
                }
            }
            sides.forEach((cell, pair) -> {
                if (pair[0] == null || pair[1] == null) {
                    problems.add(cell + ": only " + (pair[0] == null ? head : base) + " ran");
                } else if (pair[0].verdict() == Verdict.ERROR || pair[1].verdict() == Verdict.ERROR) {
                    PairResult failed = pair[0].verdict() == Verdict.ERROR ? pair[0] : pair[1];
                    problems.add(cell + ": " + (failed == pair[0] ? base : head) + " could not run: " + failed.message());
                } else {
                    cells.add(new CellSamples(cell, pair[0].successes(), pair[0].trials(), times(pair[0]),
                            pair[1].successes(), pair[1].trials(), times(pair[1])));
                }
            });
        }
        return new Pairing(List.copyOf(cells), List.copyOf(problems));
    }

    /** Times to punch of the successful trials. */
    static double[] times(PairResult p) {
        return p.trialResults().stream().filter(TrialResult::success).filter(t -> t.timeToPunchMs() != null)
                .mapToDouble(TrialResult::timeToPunchMs).toArray();
    }
}
