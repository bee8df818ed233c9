package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.punch.Method;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @Test
    void escapesEveryCharacterThatMatters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void hostileNamesNeverReachThePageAsMarkup() {
        String evil = "<img src=x onerror=alert(1)>";
        PairResult p = Pairs.pair("full-cone", evil, "drop\"><script>", "listen-connect", Verdict.UNEXPECTED_FAILURE, 1.0, null);
        PairResult hostile = new PairResult(evil, "bob'", p.firstNat(), p.secondNat(), p.unsolicited(), p.strategy(),
                p.expectation(), p.expected(), evil, p.observed(), p.successes(), p.trials(), p.wilsonLow(), p.wilsonHigh(),
                p.p50Ms(), p.p95Ms(), p.maxMs(), Map.of(evil, 1), 1, Map.of(evil, evil), p.verdict(), evil,
                List.of(new TrialResult(1, Outcome.FAILED, null, null, 1, null, 0, false, evil, 1, "javascript:alert(1)")),
                "../\"><script>x</script>");
        RunResult run = new RunResult(1, evil, 1, evil, List.of(
                new ScenarioResult(evil, evil, evil, 0, 1, List.of(hostile), "</script><script>alert(2)</script>", evil)));

        String html = HtmlReport.render(run);

        assertThat(html).doesNotContain("<img").doesNotContain("<script>x").doesNotContain("alert(2)</script>")
                .doesNotContain("href=\"javascript:");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        // Only our own script block.
        assertThat(html.split("<script>", -1)).hasSize(2);
    }

    @Test
    void isSelfContained() {
        String html = HtmlReport.render(SampleRuns.full());
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//")
                .doesNotContainPattern("(?i)@import|url\\(\\s*['\"]?https?:")
                .contains("<style>").contains("<script>");
    }

    @Test
    void everyCellHasItsOwnDetailsBlock() {
        String html = HtmlReport.render(SampleRuns.full());
        Set<String> cells = ids(html, "data-detail=\"(d[0-9-]+)\"");
        Set<String> details = ids(html, "<div class=\"detail\" id=\"([^\"]+)\"");
        assertThat(cells).isNotEmpty().isEqualTo(details);
        int cellCount = Matrices.of(SampleRuns.full()).stream().mapToInt(m -> m.cells().size()).sum();
        assertThat(cells).hasSize(cellCount);
    }

    @Test
    void flagsCellsWhoseVerdictFailedAndListsTheFailures() {
        String html = HtmlReport.render(SampleRuns.full());
        assertThat(count(html, "class=\"cell flagged\"")).isEqualTo(4); // fc×sym and rc×sym, both orders
        assertThat(html).contains("4 failed verdicts, 1 scenario error");
        assertThat(html).contains("href=\"fc-x-sym/alice-bob-listen-connect/\"");
    }

    @Test
    void linksEncodePathSegments() {
        assertThat(Links.href("a b/c#d")).isEqualTo("a%20b/c%23d/");
        assertThat(Links.href("javascript:alert(1)")).isEqualTo("javascript%3Aalert%281%29/");
        assertThat(Links.href("/abs/dir/")).isEqualTo("abs/dir/");
    }

    @Test
    void heatColoursRunFromRedToGreenWithReadableText() {
        assertThat(HeatColour.background(0)).isEqualTo("#d73027");
        assertThat(HeatColour.background(1)).isEqualTo("#1a9850");
        assertThat(HeatColour.text(1)).isEqualTo("#ffffff");
        assertThat(HeatColour.text(0.5)).isEqualTo("#1b1f24");
    }

    private static Set<String> ids(String html, String regex) {
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) assertThat(ids.add(m.group(1))).as("duplicate id " + m.group(1)).isTrue();
        return ids;
    }

    private static int count(String s, String needle) {
        return s.split(Pattern.quote(needle), -1).length - 1;
    }
}
