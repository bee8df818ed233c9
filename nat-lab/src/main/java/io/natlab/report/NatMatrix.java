package io.natlab.report;

import io.natlab.result.PairConditions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NAT x NAT matrix of one (unsolicited-SYN policy, strategy) combination. Rows are the first peer's NAT label,
 * columns the second peer's; both axes carry the same labels so the matrix is square and its diagonal means
 * "same kind of NAT on both sides".
 *
 * @param unsolicited the policy label as in {@code PairResult.unsolicited}, e.g. "drop" or "drop/rst"
 * @param strategy    listen-connect or connect-only
 * @param conditions  what else every pair in this matrix shares (plain: none)
 * @param labels      axis labels in {@link NatLabels#ORDER}
 * @param cells       "row\u0000column" -> cell, only for cells with results
 */
public record NatMatrix(String unsolicited, String strategy, PairConditions conditions, List<String> labels, Map<String, MatrixCell> cells) {

    public Optional<MatrixCell> cell(String row, String column) {
        return Optional.ofNullable(cells.get(key(row, column)));
    }

    /** Title used by every report: "unsolicited drop · listen-connect", then any conditions ("· loss 30%"). */
    public String title() {
        String extra = conditions == null ? "" : conditions.label();
        return "unsolicited " + unsolicited + " · " + strategy + (extra.isEmpty() ? "" : " · " + extra);
    }

    static String key(String row, String column) { return row + '\u0000' + column; }
}
