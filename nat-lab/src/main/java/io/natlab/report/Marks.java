package io.natlab.report;

import io.natlab.result.NegativeControl;
import io.natlab.result.PairResult;
import io.natlab.result.Stability;

import java.util.Comparator;
import java.util.Objects;

/**
 * The stability label and negative-control marks the markdown, console and HTML reports add to cells and pairs.
 * A cell pools pairs: it is as unstable as its least stable pair, and "open" when any pair's control connected
 * (then a direct result there needed no punch).
 */
final class Marks {
    private Marks() {}

    static final String FLAKY = "≈", BROKEN = "↯", OPEN = "○";

    /** The worst stability of the cell's pairs, null when none was labelled (errors, older results). */
    static Stability stability(MatrixCell c) {
        return c.entries().stream().map(e -> e.pair().stability()).filter(Objects::nonNull)
            .max(Comparator.comparingInt(Stability::severity)).orElse(null);
    }

    static boolean open(MatrixCell c) {
        return c.entries().stream().anyMatch(e -> e.pair().control() != null && e.pair().control().open());
    }

    /** Words after a markdown cell: " · flaky", " · open"; "" when stable and blocked. */
    static String words(MatrixCell c) {
        StringBuilder s = new StringBuilder();
        Stability st = stability(c);
        if (st != null && st.severity() > 0) s.append(" · ").append(st.label());
        if (open(c)) s.append(" · open");
        return s.toString();
    }

    /** Symbols after a console cell: "≈" flaky, "↯" broken, "○" open. */
    static String symbols(MatrixCell c) {
        Stability st = stability(c);
        String s = st == null ? "" : st.flaky() ? FLAKY : st.broken() ? BROKEN : "";
        return open(c) ? s + OPEN : s;
    }

    /** A pair's label with its threshold: "flaky (vs 80%)"; "–" when unlabelled. */
    static String stability(PairResult p) {
        Stability s = p.stability();
        return s == null ? "–" : s.label() + " (vs " + Format.percent(s.threshold()) + ")";
    }

    /** "open: bob → alice connected", "blocked both ways", "error: ...", "–" when not run. */
    static String control(PairResult p) {
        NegativeControl c = p.control();
        if (c == null) return "–";
        if (c.open()) {
            String how = NegativeControl.CONNECTED.equals(c.firstToSecond()) && NegativeControl.CONNECTED.equals(c.secondToFirst())
                ? "both ways" : NegativeControl.CONNECTED.equals(c.firstToSecond()) ? p.first() + " → " + p.second()
                : p.second() + " → " + p.first();
            return "open (" + how + " connected without a punch)";
        }
        if (NegativeControl.BLOCKED.equals(c.firstToSecond()) && NegativeControl.BLOCKED.equals(c.secondToFirst()))
            return "blocked both ways";
        return "first → second " + c.firstToSecond() + ", second → first " + c.secondToFirst();
    }

    /** HTML badges for a matrix cell (escaped constants only). */
    static String badgesHtml(MatrixCell c) {
        StringBuilder h = new StringBuilder();
        Stability st = stability(c);
        if (st != null && st.severity() > 0)
            h.append("<span class=\"badge ").append(st.label()).append("\" title=\"").append(st.label())
                .append(": see docs/results-json.md\">").append(st.label()).append("</span>");
        if (open(c)) h.append("<span class=\"badge open\" title=\"the negative control connected: no punch was needed\">open</span>");
        return h.toString();
    }
}
