package io.natlab.compare;

import java.util.List;

/**
 * The outcome of {@code nat-lab compare}: what was compared, under which thresholds, every cell's comparison and
 * what could not be compared.
 *
 * @param base       base's name and where it came from (a jar path or an implementation)
 * @param head       head's, likewise
 * @param thresholds when a difference counts
 * @param cells      every compared cell, in run order
 * @param problems   cells or scenarios that could not be measured
 * @param wallMs     the run's wall time
 */
public record Comparison(Side base, Side head, GateThresholds thresholds, List<CellComparison> cells,
                         List<String> problems, double wallMs) {

    /** One version under comparison. */
    public record Side(String name, String source) {
    }

    /** The gate's answer; its exit code. */
    public enum Verdict {
        /** At least one cell got significantly worse beyond the minimum effect: exit 1. */
        REGRESSION(1),
        /** Nothing regressed, but some cell could not be measured: exit 1 (a gate that measured nothing must not pass). */
        INCOMPLETE(1),
        /** No significant regression beyond the minimum effects: exit 0. */
        NO_REGRESSION(0);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Comparison {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    public Verdict verdict() {
        if (cells.stream().anyMatch(CellComparison::regressed)) {
            return Verdict.REGRESSION;
        }
        return problems.isEmpty() && !cells.isEmpty() ? Verdict.NO_REGRESSION : Verdict.INCOMPLETE;
    }

    public List<CellComparison> regressions() {
        return cells.stream().filter(CellComparison::regressed).toList();
    }
}
