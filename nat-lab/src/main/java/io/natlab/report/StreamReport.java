package io.natlab.report;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.StreamResult;
import io.natlab.result.TrialResult;
import io.natlab.stats.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The "Held streams" section of report.md and report.html: per pair whose stream was held, how many trials
 * survived, broke or recovered against the expectation, and the median break, detection and recovery times with
 * how and by whom breaks were noticed. Absent when no scenario held a stream.
 */
public final class StreamReport {
    private StreamReport() {}

    /** One pair's held streams, condensed. */
    record Row(String scenario, String pair, String expected, int survived, int broke, int recovered, int notHolding,
               Double brokeP50, Double detectedP50, Double recoveryP50, String detectedBy, String firstToNotice,
               long lost, long duplicated, long corrupted) {}

    static List<Row> rows(RunResult run) {
        List<Row> rows = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            for (PairResult p : s.pairs() == null ? List.<PairResult>of() : s.pairs()) {
                List<StreamResult> st = p.trialResults().stream().map(TrialResult::stream).filter(Objects::nonNull).toList();
                if (st.isEmpty()) continue;
                rows.add(new Row(s.name(), Format.pairName(p), st.get(0).expected(), count(st, "survived"), count(st, "broke"),
                    count(st, "recovered"), (int) st.stream().filter(x -> !x.holds()).count(),
                    p50(st, StreamResult::brokeAtMs), p50(st, StreamResult::detectedAtMs), p50(st, StreamResult::recoveryMs),
                    mostCommon(st, StreamResult::detectedBy), mostCommon(st, StreamResult::firstToNotice),
                    st.stream().mapToLong(StreamResult::lost).sum(), st.stream().mapToLong(StreamResult::duplicated).sum(),
                    st.stream().mapToLong(StreamResult::corrupted).sum()));
            }
        }
        return rows;
    }

    public static String markdown(RunResult run) {
        List<Row> rows = rows(run);
        if (rows.isEmpty()) return "";
        StringBuilder md = new StringBuilder("## Held streams\n\n")
            .append("Times are medians in ms after the stream came up; detected by: how the first side noticed.\n\n")
            .append("| Scenario | Pair | Expected | survived / broke / recovered | not as expected | broke at | detected at | detected by (first) | recovery | lost / dup / corrupt |\n")
            .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(MarkdownReport.esc(r.scenario())).append(" | ").append(MarkdownReport.esc(r.pair()))
                .append(" | ").append(MarkdownReport.esc(r.expected())).append(" | ").append(r.survived()).append(" / ")
                .append(r.broke()).append(" / ").append(r.recovered()).append(" | ").append(r.notHolding() == 0 ? "0" : "**" + r.notHolding() + "**")
                .append(" | ").append(Format.ms(r.brokeP50())).append(" | ").append(Format.ms(r.detectedP50()))
                .append(" | ").append(MarkdownReport.esc(r.detectedBy())).append(" (").append(MarkdownReport.esc(r.firstToNotice()))
                .append(") | ").append(Format.ms(r.recoveryP50())).append(" | ").append(r.lost()).append(" / ")
                .append(r.duplicated()).append(" / ").append(r.corrupted()).append(" |\n");
        }
        return md.append('\n').toString();
    }

    public static String html(RunResult run) {
        List<Row> rows = rows(run);
        if (rows.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<section id=\"streams\"><h2>Held streams</h2>")
            .append("<p>Times are medians in ms after the stream came up.</p><table><thead><tr><th>Scenario</th><th>Pair</th>")
            .append("<th>Expected</th><th>survived / broke / recovered</th><th>not as expected</th><th>broke at</th>")
            .append("<th>detected at</th><th>detected by (first)</th><th>recovery</th><th>lost / dup / corrupt</th></tr></thead><tbody>");
        for (Row r : rows) {
            h.append("<tr><td>").append(Html.esc(r.scenario())).append("</td><td>").append(Html.esc(r.pair()))
                .append("</td><td>").append(Html.esc(r.expected())).append("</td><td>").append(r.survived()).append(" / ")
                .append(r.broke()).append(" / ").append(r.recovered()).append("</td><td>").append(r.notHolding())
                .append("</td><td>").append(Html.esc(Format.ms(r.brokeP50()))).append("</td><td>")
                .append(Html.esc(Format.ms(r.detectedP50()))).append("</td><td>").append(Html.esc(String.valueOf(r.detectedBy())))
                .append(" (").append(Html.esc(String.valueOf(r.firstToNotice()))).append(")</td><td>")
                .append(Html.esc(Format.ms(r.recoveryP50()))).append("</td><td>").append(r.lost()).append(" / ")
                .append(r.duplicated()).append(" / ").append(r.corrupted()).append("</td></tr>");
        }
        return h.append("</tbody></table></section>\n").toString();
    }

    private static int count(List<StreamResult> st, String state) {
        return (int) st.stream().filter(x -> state.equals(x.state())).count();
    }

    private static Double p50(List<StreamResult> st, Function<StreamResult, Double> f) {
        return Stats.percentile(st.stream().map(f).filter(Objects::nonNull).toList(), 50);
    }

    private static String mostCommon(List<StreamResult> st, Function<StreamResult, String> f) {
        Map<String, Integer> n = new TreeMap<>();
        st.stream().map(f).filter(Objects::nonNull).forEach(v -> n.merge(v, 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
