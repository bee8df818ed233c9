package io.natlab.report;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSummaryTest {

    @Test
    void fitsAHundredColumnsAndShowsTheMatrixAsAGrid() {
        String out = ConsoleSummary.render(SampleRuns.full(), Path.of("target/natlab-report"));
        for (String line : out.split("\n"))
            if (!line.contains("/")) assertThat(ConsoleSummary.width(line)).as(line).isLessThanOrEqualTo(100);
        assertThat(out).startsWith("NAT lab ✘ 22 scenarios · 40 pairs · 36 passed · 4 failed verdicts · 1 scenario error");
        assertThat(out).containsPattern("(?m)^ +none +FC +RC +PRC +SYM +SYM-SEQ +PRC<SYM$");
        assertThat(out).containsPattern("(?m)^FC +✔5/5 \\d+ms +✔10/10 \\d+ms .*✘2/5 \\d+ms⚠");
        assertThat(out).contains("PRC<SYM = port-restricted-cone behind symmetric");
    }

    @Test
    void listsFailedVerdictsWithDiagnosticsAndTheReportPath() {
        String out = ConsoleSummary.render(SampleRuns.full(), Path.of("target/natlab-report"));
        String failed = out.substring(out.indexOf("Failed verdicts (5):"));
        assertThat(failed).contains("⚠ fc-x-sym: alice → bob (listen-connect, unsolicited drop) unexpected failure")
                .contains("diagnostics: " + Path.of("target/natlab-report/fc-x-sym/alice-bob-listen-connect"))
                .contains("rerun: mvn -B verify -Dnatlab.scenarios=scenarios/fc-x-sym.yaml")
                .contains("lab failed to start");
        assertThat(out).endsWith("Report: " + Path.of("target/natlab-report/report.html") + "\n");
    }

    @Test
    void aMatrixTooWideForTheConsoleBecomesAList() {
        List<PairResult> pairs = new ArrayList<>();
        for (int i = 0; i < 9; i++) pairs.add(Pairs.pass("custom-nat-" + i, "custom-nat-" + i, 1.0));
        RunResult run = new RunResult(1, "t", 1, "h", List.of(new ScenarioResult("s", "s.yaml", "d", 0, 1, pairs, null, null)));
        String out = ConsoleSummary.render(run, null);
        assertThat(out).contains("  custom-nat-0 × custom-nat-0: ✔1/1 1ms");
        for (String line : out.split("\n")) assertThat(ConsoleSummary.width(line)).isLessThanOrEqualTo(100);
        assertThat(out).doesNotContain("Failed verdicts").doesNotContain("Report:");
    }

    @Test
    void wrapsLongMessagesAtWordBoundaries() {
        StringBuilder out = new StringBuilder();
        ConsoleSummary.wrap(out, "word ".repeat(60).trim(), "    ", "    ");
        for (String line : out.toString().split("\n")) {
            assertThat(line).startsWith("    word");
            assertThat(line.length()).isLessThanOrEqualTo(100);
        }
    }
}
