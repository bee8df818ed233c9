package io.natlab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.compare.report.CompareConsole;
import io.natlab.compare.report.CompareHtml;
import io.natlab.compare.report.CompareJson;
import io.natlab.compare.report.CompareMarkdown;
import io.natlab.punch.Method;
import io.natlab.punch.Outcome;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From a compare run's results to cells, the gate's verdict and the three files. */
class ComparisonReportTest {
    private static final GateThresholds DEFAULTS = GateThresholds.defaults();

    private static PairResult pair(String impl, int ok, int n, double timeMs, Verdict verdict) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            boolean success = i <= ok;
            trials.add(new TrialResult(i, success ? Outcome.DIRECT : Outcome.FAILED, success ? Method.CONNECT : null,
                success ? timeMs + i : null, 1, success ? 1.0 : null, 64, success, success ? null : "timeout", 900, null));
        }
        return new PairResult("alice", "bob", "port-restricted-cone", "full-cone", "drop", "listen-connect", "direct",
            Outcome.DIRECT, "declared", ok > 0 ? Outcome.DIRECT : Outcome.FAILED, ok, n, 0, 1, null, null, null, Map.of(), 1, Map.of(),
            verdict, "m", trials, null, null, null, impl, impl);
    }

    private static RunResult run(PairResult... pairs) {
        return new RunResult(1, "2026-01-01T00:00:00Z", 1000, "test",
            List.of(new ScenarioResult("s", "s.yaml", null, 0, 1000, List.of(pairs), null, "rerun")));
    }

    private static Comparison compare(RunResult run) {
        CellPairing.Pairing p = CellPairing.of(run, "base", "head");
        return new Comparison(new Comparison.Side("base", "a.jar"), new Comparison.Side("head", "b.jar"), DEFAULTS,
            new RegressionGate(DEFAULTS).compare(p.cells()), p.problems(), 1000);
    }

    @Test
    void baseAndHeadPairsBecomeOneCellAndMixedPairsAreIgnored() {
        CellPairing.Pairing p = CellPairing.of(run(pair("base", 6, 6, 10, Verdict.PASS), pair("head", 4, 6, 12, Verdict.UNEXPECTED_FAILURE),
            pair("other", 6, 6, 10, Verdict.PASS)), "base", "head");
        assertThat(p.problems()).isEmpty();
        assertThat(p.cells()).singleElement().satisfies(c -> {
            assertThat(c.cell()).isEqualTo("s: alice → bob [listen-connect]");
            assertThat(List.of(c.baseSuccesses(), c.baseTrials(), c.headSuccesses(), c.headTrials())).containsExactly(6, 6, 4, 6);
            assertThat(c.baseTimesMs()).containsExactly(11, 12, 13, 14, 15, 16);
            assertThat(c.headTimesMs()).containsExactly(13, 14, 15, 16);
        });
    }

    @Test
    void aSlowerHeadIsARegressionAndExitsOne() {
        Comparison c = compare(run(pair("base", 6, 6, 10, Verdict.PASS), pair("head", 6, 6, 310, Verdict.PASS)));
        assertThat(c.verdict()).isEqualTo(Comparison.Verdict.REGRESSION);
        assertThat(c.verdict().exitCode()).isEqualTo(1);
        assertThat(c.cells().get(0).time()).isEqualTo(CellComparison.Change.REGRESSION);
        assertThat(c.cells().get(0).shift().shift()).isEqualTo(300.0);
    }

    @Test
    void identicalSidesPassAndAnUnmeasuredCellIsIncomplete() {
        assertThat(compare(run(pair("base", 6, 6, 10, Verdict.PASS), pair("head", 6, 6, 10, Verdict.PASS))).verdict())
            .isEqualTo(Comparison.Verdict.NO_REGRESSION);
        Comparison broken = compare(run(pair("base", 6, 6, 10, Verdict.PASS), pair("head", 0, 0, 10, Verdict.ERROR)));
        assertThat(broken.verdict()).isEqualTo(Comparison.Verdict.INCOMPLETE);
        assertThat(broken.verdict().exitCode()).isEqualTo(1);
        assertThat(broken.problems()).singleElement().asString().startsWith("s: alice → bob [listen-connect]: head could not run");
        Comparison oneSided = compare(run(pair("base", 6, 6, 10, Verdict.PASS)));
        assertThat(oneSided.problems()).containsExactly("s: alice → bob [listen-connect]: only base ran");
        assertThat(compare(run()).verdict()).as("nothing measured").isEqualTo(Comparison.Verdict.INCOMPLETE);
    }

    @Test
    void theFilesAgreeOnTheVerdictAndNumbers() throws Exception {
        Comparison c = compare(run(pair("base", 6, 6, 10, Verdict.PASS), pair("head", 6, 6, 310, Verdict.PASS)));
        JsonNode json = new ObjectMapper().readTree(CompareJson.render(c));
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("verdict").asText()).isEqualTo("regression");
        assertThat(json.path("exitCode").asInt()).isEqualTo(1);
        JsonNode cell = json.path("cells").get(0);
        assertThat(cell.path("base").path("medianMs").asDouble()).isEqualTo(13.5);
        assertThat(cell.path("head").path("medianMs").asDouble()).isEqualTo(313.5);
        assertThat(cell.path("time").path("shiftMs").asDouble()).isEqualTo(300.0);
        assertThat(cell.path("success").path("change").asText()).isEqualTo("no significant change");
        assertThat(cell.path("time").path("change").asText()).isEqualTo("regression");
        assertThat(json.path("thresholds").path("minSlowdownMs").asDouble()).isEqualTo(20.0);

        String md = CompareMarkdown.render(c);
        assertThat(md).contains("**Verdict: regression** (exit 1)")
            .contains("| s: alice → bob [listen-connect] | 6/6 | 6/6 | 1.000 (1.000) | 13.5 | 313.5 | +300.0 [");
        assertThat(md).contains("**REGRESSION (time)**");
        assertThat(CompareHtml.render(c)).contains("<tr class=\"regression\">").contains("alice → bob");
        assertThat(CompareConsole.render(c, "/r")).contains("REGRESSION (time)").contains("regression (1 of 1 cells regressed");
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        PairResult p = pair("base", 1, 1, 1, Verdict.PASS);
        RunResult r = new RunResult(1, "t", 1, "h", List.of(new ScenarioResult("a|b\n<x>", "f", null, 0, 1,
            List.of(p, pair("head", 1, 1, 1, Verdict.PASS)), null, "r")));
        String md = CompareMarkdown.render(compare(r));
        assertThat(md).contains("a\\|b &lt;x&gt;: alice").doesNotContain("<x>");
    }
}
