package io.natlab.report;

import io.natlab.result.PairConditions;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups a run's pair results into one NAT x NAT matrix per (unsolicited policy, strategy, conditions): pairs whose
 * conditions differ (loss, latency, same LAN, hairpin, ...) never share a cell, so a cell always describes one kind
 * of pair. Plain pairs come first, then each set of conditions in the order of its label.
 */
public final class Matrices {
    private Matrices() {}

    private static final List<String> POLICIES = List.of("drop", "rst", "icmp");
    private static final List<String> STRATEGIES = List.of("listen-connect", "connect-only");

    /** Policies in reading order: drop, rst, icmp, then mixed ones ("drop/rst") alphabetically. */
    static final Comparator<String> POLICY_ORDER = knownFirst(POLICIES);
    static final Comparator<String> STRATEGY_ORDER = knownFirst(STRATEGIES);

    public static List<NatMatrix> of(RunResult run) {
        record Group(PairConditions conditions, String unsolicited, String strategy) {}
        Comparator<Group> groupOrder = Comparator.comparing((Group g) -> g.conditions().label())
                .thenComparing(g -> g.conditions().toString())
                .thenComparing(Group::unsolicited, POLICY_ORDER)
                .thenComparing(Group::strategy, STRATEGY_ORDER);
        Map<Group, List<CellEntry>> groups = new TreeMap<>(groupOrder);
        for (ScenarioResult s : run.scenarios()) {
            if (s.pairs() == null) continue;
            for (PairResult p : s.pairs())
                groups.computeIfAbsent(new Group(p.conditions(), nz(p.unsolicited()), nz(p.strategy())), g -> new ArrayList<>())
                        .add(new CellEntry(s.name(), p));
        }
        List<NatMatrix> matrices = new ArrayList<>();
        groups.forEach((g, entries) -> matrices.add(build(g.unsolicited(), g.strategy(), g.conditions(), entries)));
        return matrices;
    }

    static NatMatrix build(String unsolicited, String strategy, List<CellEntry> entries) {
        return build(unsolicited, strategy, PairConditions.PLAIN, entries);
    }

    static NatMatrix build(String unsolicited, String strategy, PairConditions conditions, List<CellEntry> entries) {
        TreeSet<String> labels = new TreeSet<>(NatLabels.ORDER);
        Map<String, List<CellEntry>> byCell = new LinkedHashMap<>();
        for (CellEntry e : entries) {
            String row = nz(e.pair().firstNat()), column = nz(e.pair().secondNat());
            labels.add(row);
            labels.add(column);
            byCell.computeIfAbsent(NatMatrix.key(row, column), k -> new ArrayList<>()).add(e);
        }
        Map<String, MatrixCell> cells = new LinkedHashMap<>();
        byCell.forEach((key, list) -> cells.put(key,
                new MatrixCell(nz(list.get(0).pair().firstNat()), nz(list.get(0).pair().secondNat()), List.copyOf(list))));
        return new NatMatrix(unsolicited, strategy, conditions, List.copyOf(labels), cells);
    }

    private static Comparator<String> knownFirst(List<String> known) {
        return Comparator.comparingInt((String s) -> known.contains(s) ? known.indexOf(s) : known.size())
                .thenComparing(Comparator.naturalOrder());
    }

    private static String nz(String s) { return s == null || s.isBlank() ? "?" : s; }
}
