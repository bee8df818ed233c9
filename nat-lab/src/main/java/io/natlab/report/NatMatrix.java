package io.natlab.report;

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
 * @param labels      axis labels in {@link NatLabels#ORDER}
 * @param cells       "row\u0000column" -> cell, only for cells with results
 */
public record NatMatrix(String unsolicited, String strategy, List<String> labels, Map<String, MatrixCell> cells) {

    public Optional<MatrixCell> cell(String row, String column) {
        return Optional.ofNullable(cells.get(key(row, column)));
    }

    /** Title used by every report: "unsolicited drop · listen-connect". */
    public String title() { return "unsolicited " + unsolicited + " · " + strategy; }

    static String key(String row, String column) { return row + '\u0000' + column; }
}
