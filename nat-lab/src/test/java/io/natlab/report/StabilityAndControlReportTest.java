package io.natlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.natlab.result.NegativeControl;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Stability;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flaky and broken labels and open (negative control connected) cells in every report. */
class StabilityAndControlReportTest {
    private static final NegativeControl BLOCKED = new NegativeControl("blocked", "blocked", "alice -> bob: blocked (timed out)");
    private static final NegativeControl OPEN = new NegativeControl("connected", "blocked", "alice -> bob: connected");

    /** A flaky pair behind port-restricted cones, an open full-cone pair, a stable one. */
    private static RunResult run() {
        PairResult flaky = Pairs.pass("port-restricted-cone", "port-restricted-cone", 10.0, 11.0, 12.0, 13.0, null)
                .withStability(new Stability("flaky", 0.8)).withControl(BLOCKED);
        PairResult open = Pairs.pass("full-cone", "port-restricted-cone", 5.0, 6.0, 7.0)
                .withStability(new Stability("stable", 0.8)).withControl(OPEN);
        PairResult plain = Pairs.pass("symmetric", "port-restricted-cone", 9.0, 9.0, 9.0)
                .withStability(new Stability("stable", 0.8)).withControl(BLOCKED);
        return new RunResult(1, "t", 1, "h", List.of(new ScenarioResult("s", "s.yaml", "d", 0, 1,
                List.of(flaky, open, plain), null, null)));
    }

    @Test
    void markdownNamesFlakyAndOpenCellsAndHasStabilityAndControlColumns() {
        String md = MarkdownReport.render(run());
        assertThat(md).contains("| ✔ 4/5 · 11 ms · flaky |") // 4/5 = 80%: observed direct, by luck
                .contains("✔ 3/3 · 6.0 ms · open |")
                .contains("| Stability | Control |")
                .contains("| flaky (vs 80%) | blocked both ways |")
                .contains("| stable (vs 80%) | open (alice → bob connected without a punch) |");
        assertThat(md).contains("✔ 3/3 · 9.0 ms |"); // stable and blocked: no mark
    }

    @Test
    void htmlShowsBadgesAndThePairsLabelAndControl() {
        String html = HtmlReport.render(run());
        assertThat(html).contains("<span class=\"badge flaky\"").contains("<span class=\"badge open\"")
                .contains("<th>stability</th><td>flaky (vs 80%)</td>")
                .contains("<th>control</th><td>open (alice → bob connected without a punch)</td>");
    }

    @Test
    void consoleMarksCellsAndNamesEveryUnstablePair() {
        String out = ConsoleSummary.render(run(), null);
        assertThat(out).contains("✔4/5 11ms≈").contains("✔3/3 6ms○").contains("≈ flaky")
                .contains("Unstable pairs (1):")
                .contains("FLAKY s: alice → bob (listen-connect) 4/5 (80%, 95% CI 38–96%)").contains("vs threshold 80%");
    }

    /** A pair that could not run: no label, no control, observed null (docs/results-json.md). */
    private static PairResult errorPair() {
        return new PairResult("carol", "dave", "symmetric", "symmetric", "drop", "listen-connect", "auto",
                io.natlab.punch.Outcome.FAILED, "rule", null, 0, 0, 0, 1, null, null, null, java.util.Map.of(), 0,
                java.util.Map.of(), io.natlab.result.Verdict.ERROR, "ERROR: lab failed to start", List.of(), null);
    }

    @Test
    void resultsJsonCarriesBothAndValidates() throws Exception {
        RunResult ok = run();
        List<PairResult> pairs = new java.util.ArrayList<>(ok.scenarios().get(0).pairs());
        pairs.add(errorPair());
        RunResult run = new RunResult(1, "t", 1, "h", List.of(new ScenarioResult("s", "s.yaml", "d", 0, 1, pairs, null, null)));
        String json = ResultsJson.toJson(run);
        assertThat(json).contains("\"stability\" : {").contains("\"label\" : \"flaky\"")
                .contains("\"firstToSecond\" : \"connected\"");
        try (InputStream in = getClass().getResourceAsStream("/schema/natlab-results.schema.json")) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(new ObjectMapper().readTree(json))).isEmpty();
        }
        assertThat(ResultsJson.parse(json).scenarios().get(0).pairs().get(3).stability()).isNull();
        PairResult back = ResultsJson.parse(json).scenarios().get(0).pairs().get(1);
        assertThat(back.stability()).isEqualTo(new Stability("stable", 0.8));
        assertThat(back.control().open()).isTrue();
        assertThat(back.control().reversed().secondToFirst()).isEqualTo("connected");
    }
}
