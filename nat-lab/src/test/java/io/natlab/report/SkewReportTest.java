package io.natlab.report;

import io.natlab.result.PairConditions;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The skew curves: pairs alike but for their skew become one curve, drawn in HTML and listed in Markdown. */
class SkewReportTest {
    private static PairResult at(long skewMs, Double... times) {
        PairResult p = Pairs.pair("port-restricted-cone", "port-restricted-cone", "rst", "listen-connect", Verdict.PASS, times);
        return new PairResult(p.first(), p.second(), p.firstNat(), p.secondNat(), p.unsolicited(), p.strategy(),
            p.expectation(), p.expected(), p.expectedReason(), p.observed(), p.successes(), p.trials(), p.wilsonLow(),
            p.wilsonHigh(), p.p50Ms(), p.p95Ms(), p.maxMs(), p.methods(), p.meanAttempts(), p.classification(),
            p.verdict(), p.message(), p.trialResults(), p.diagnostics(), p.failedAt(),
            new PairConditions(PairConditions.INTERNET, 0, 0, 20, 20, false, "punch-core", skewMs));
    }

    private static RunResult run(List<PairResult> pairs) {
        return new RunResult(1, "2025-01-01T00:00:00Z", 1000, "test",
            List.of(new ScenarioResult("skew-prc-rst", "scenarios/skew-prc-rst.yaml", "S", 0, 10, pairs, null, "rerun")));
    }

    private final RunResult sweep = run(List.of(at(200, 90.0, 110.0, null), at(0, 80.0, 100.0, 120.0), at(1000, null, null, null)));

    @Test
    void pairsThatDifferOnlyInSkewFormOneCurveSortedBySkew() {
        List<SkewCurves.Curve> curves = SkewCurves.of(sweep);
        assertThat(curves).hasSize(1);
        SkewCurves.Curve c = curves.get(0);
        assertThat(c.title()).isEqualTo("alice → bob · listen-connect · rst · latency 20 ms");
        assertThat(c.points()).extracting(SkewCurves.Point::skewMs).containsExactly(0L, 200L, 1000L);
        assertThat(c.points()).extracting(SkewCurves.Point::successes).containsExactly(3, 2, 0);
        assertThat(c.points()).extracting(SkewCurves.Point::p50Ms).containsExactly(100.0, 90.0, null);
    }

    @Test
    void aRunWithoutSkewHasNoSkewSection() {
        assertThat(SkewCurves.of(run(List.of(at(0, 80.0))))).isEmpty();
        assertThat(HtmlReport.render(SampleRuns.full())).doesNotContain("id=\"skew\"");
        assertThat(MarkdownReport.render(SampleRuns.full())).doesNotContain("## Start skew");
    }

    @Test
    void htmlDrawsSuccessAndTimeToPunchAgainstSkewInlineWithoutScript() {
        String html = SkewSection.html(sweep);
        assertThat(html).contains("<section id=\"skew\">", "<svg class=\"plot skew\"", "<path class=\"rate\" d=\"M",
            "<path class=\"ttp\" d=\"M", "skew 1000 ms: 0/3 punched, p50 –").doesNotContain("<script");
        // Three rate points; no ttp point where nothing punched.
        assertThat(html.split("<circle class=\"rate\"", -1)).hasSize(4);
        assertThat(html.split("<rect class=\"ttp\"", -1)).hasSize(3);
        assertThat(HtmlReport.render(sweep)).contains("<section id=\"skew\">");
    }

    @Test
    void markdownListsEveryPairPerSkew() {
        String md = MarkdownReport.render(sweep);
        assertThat(md).contains("## Start skew", "| 0 ms | 3/3 (100%) | 100 ms | ✔ pass |",
            "| 200 ms | 2/3 (67%) | 90 ms | ✔ pass |", "| 1000 ms | 0/3 (0%) | – | ✔ pass |");
        assertThat(md.indexOf("## Start skew")).isLessThan(md.indexOf("## Failed verdicts"));
    }
}
