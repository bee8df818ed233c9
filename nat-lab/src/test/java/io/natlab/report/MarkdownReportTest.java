package io.natlab.report;

import io.natlab.scenario.run.evidence.Diagnostics;

import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {
    private final String md = MarkdownReport.render(SampleRuns.full());
    private final List<String> lines = Arrays.asList(md.split("\n"));

    @Test
    void sectionsComeInReadingOrder() {
        assertThat(lines.get(0)).isEqualTo("# NAT lab report");
        assertThat(md).contains("Run started 2025-01-14T09:30:12Z on natlab-ci");
        List<String> headings = lines.stream().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).containsExactly("## unsolicited drop · listen-connect", "## unsolicited drop · connect-only",
                "## unsolicited rst · listen-connect", "## unsolicited icmp · listen-connect", "## Scenarios",
                "## Failed verdicts");
    }

    @Test
    void mainMatrixHasOrderedAxesAndTheExpectedCells() {
        List<String> table = tableAfter("## unsolicited drop · listen-connect");
        assertThat(table.get(0)).isEqualTo("| first ↓ · second → | none | full-cone | restricted-cone | "
                + "port-restricted-cone | symmetric | symmetric-sequential | port-restricted-cone behind symmetric |");
        assertThat(table).hasSize(2 + 7);
        String fullCone = row(table, "full-cone");
        assertThat(cells(fullCone)).containsExactly("**full-cone**", cell(fullCone, 1), cell(fullCone, 2),
                cell(fullCone, 3), cell(fullCone, 4), cell(fullCone, 5), "·", "·");
        assertThat(cell(fullCone, 5)).matches("✘ 2/5 · [0-9.]+ ms ⚠");
        assertThat(cell(row(table, "symmetric"), 5)).isEqualTo("✘ 0/10");
        assertThat(cell(row(table, "none"), 1)).matches("✔ 10/10 · [0-9.]+ ms");
    }

    @Test
    void scenarioTableHasARowPerPairPlusErrors() {
        List<String> table = tableAfter("## Scenarios");
        int pairs = SampleRuns.full().scenarios().stream().mapToInt(s -> s.pairs().size()).sum();
        assertThat(table).hasSize(2 + pairs + 1);
        assertThat(table).anySatisfy(l -> assertThat(l).contains("**⚠ unexpected failure**").contains("2/5 (40%, 95% CI 12–77%)"));
        assertThat(table).anySatisfy(l -> assertThat(l).contains("**error**"));
    }

    @Test
    void failedVerdictsCarryMessageDiagnosticsAndRerun() {
        String failed = md.substring(md.indexOf("## Failed verdicts"));
        assertThat(failed.split("\n- \\*\\*", -1)).hasSize(1 + 5);
        assertThat(failed).contains("Diagnostics: [`fc-x-sym/alice-bob-listen-connect`](fc-x-sym/alice-bob-listen-connect/)")
                .contains("Rerun: `mvn -B verify -Dnatlab.scenarios=scenarios/fc-x-sym.yaml`")
                .contains("broken &lt;lab&gt; & \"quotes\": scenario error");
    }

    @Test
    void saysSoWhenEverythingPassed() {
        RunResult ok = new RunResult(1, "t", 1000, "h", List.of(new ScenarioResult("s", "s.yaml", "d", 0, 1,
                List.of(Pairs.pass("none", "none", 1.0)), null, null)));
        String md = MarkdownReport.render(ok);
        assertThat(md).contains("**✔ 1 scenario · 1 pairs · 1 passed · 0 failed verdicts**").contains("None: every verdict holds.");
    }

    @Test
    void pipesInNamesDoNotBreakTables() {
        var p = Pairs.pair("a|b", "none", "drop", "listen-connect", Verdict.PASS, 1.0);
        String md = MarkdownReport.render(new RunResult(1, "t", 1, "h",
                List.of(new ScenarioResult("x|y", "f", "d", 0, 1, List.of(p), null, null))));
        assertThat(md).contains("a\\|b").contains("x\\|y");
        String header = tableAfter(md, "## unsolicited drop · listen-connect").get(0);
        assertThat(header.split("(?<!\\\\)\\|", -1)).hasSize(5); // corner + 2 labels, and the outer pipes
    }

    private List<String> tableAfter(String heading) { return tableAfter(md, heading); }

    private static List<String> tableAfter(String md, String heading) {
        List<String> all = Arrays.asList(md.split("\n"));
        int i = all.indexOf(heading) + 2;
        int j = i;
        while (j < all.size() && all.get(j).startsWith("|")) j++;
        return all.subList(i, j);
    }

    private static String row(List<String> table, String label) {
        return table.stream().filter(l -> l.startsWith("| **" + label + "** |")).findFirst().orElseThrow();
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.substring(1, row.length() - 1).split("\\|")).map(String::trim).toList();
    }

    private static String cell(String row, int column) { return cells(row).get(column); }
}
