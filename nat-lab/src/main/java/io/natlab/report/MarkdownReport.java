package io.natlab.report;

import io.natlab.scenario.run.evidence.Diagnostics;

import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;

import java.util.List;

/** report.md: headline, one NAT x NAT matrix per (policy, strategy), the scenario table, the failed verdicts. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static final String FILE_NAME = "report.md";

    public static String render(RunResult run) {
        StringBuilder md = new StringBuilder();
        Format.Totals totals = Format.Totals.of(run);
        md.append("# NAT lab report\n\n");
        md.append("Run started ").append(esc(run.startedAt())).append(" on ").append(esc(run.host()))
                .append(" · wall ").append(Format.duration(run.wallMs())).append("\n\n");
        md.append(totals.allPassed() ? "**✔ " : "**✘ ").append(totals.headline()).append("**\n\n");
        md.append("Cells: rows are the first peer's NAT, columns the second peer's. ")
                .append("✔ observed direct, ✘ observed failed, ◐ mixed; successes/trials; p50 time-to-punch; ")
                .append("⚠ a verdict failed (the result differs from the expectation); flaky/broken: the cell's ")
                .append("stability against its threshold; open: the negative control connected, so no punch was needed.\n\n");

        for (NatMatrix m : Matrices.of(run)) matrix(md, m);

        md.append("## Scenarios\n\n");
        md.append("| Scenario | Pair | NAT (first × second) | Strategy | Unsolicited | Expected | Observed | Verdict | Success (95% CI) | Stability | Control | p50 / p95 / max | Stopped at | Conditions |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult s : run.scenarios()) {
            if (s.error() != null) {
                md.append("| ").append(esc(s.name())).append(" | – | – | – | – | – | – | **error** | – | – | – | – | – | – |\n");
            }
            boolean first = true;
            for (PairResult p : s.pairs() == null ? List.<PairResult>of() : s.pairs()) {
                md.append("| ").append(first ? esc(s.name()) : "").append(" | ").append(esc(Format.pairName(p)))
                        .append(" | ").append(esc(p.firstNat())).append(" × ").append(esc(p.secondNat()))
                        .append(" | ").append(esc(p.strategy())).append(" | ").append(esc(p.unsolicited()))
                        .append(" | ").append(esc(Format.outcome(p.expected()))).append(" | ").append(esc(Format.outcome(p.observed())))
                        .append(" | ").append(p.verdict() == io.natlab.result.Verdict.PASS ? "✔ pass" : "**⚠ " + Format.verdict(p.verdict()) + "**")
                        .append(" | ").append(Format.success(p.successes(), p.trials(), p.wilsonLow(), p.wilsonHigh()))
                        .append(" | ").append(esc(Marks.stability(p))).append(" | ").append(esc(Marks.control(p)))
                        .append(" | ").append(Format.ms(p.p50Ms())).append(" / ").append(Format.ms(p.p95Ms()))
                        .append(" / ").append(Format.ms(p.maxMs()))
                        .append(" | ").append(esc(Format.failedAt(p.failedAt())))
                        .append(" | ").append(esc(Format.conditions(p.conditions()))).append(" |\n");
                first = false;
            }
        }
        md.append('\n').append(StreamReport.markdown(run));

        md.append(SkewSection.markdown(run));
        List<FailedVerdicts.Failure> failures = FailedVerdicts.of(run);
        md.append("## Failed verdicts\n\n");
        if (failures.isEmpty()) md.append("None: every verdict holds.\n");
        for (FailedVerdicts.Failure f : failures) {
            md.append("- **").append(esc(f.title())).append("**  \n  ").append(esc(f.message()));
            if (f.diagnostics() != null) md.append("  \n  Diagnostics: [`").append(code(f.diagnostics())).append("`](")
                    .append(Links.href(f.diagnostics())).append(')');
            if (f.scenario().rerun() != null) md.append("  \n  Rerun: `").append(code(f.scenario().rerun())).append('`');
            md.append('\n');
        }
        return md.toString();
    }

    private static void matrix(StringBuilder md, NatMatrix m) {
        md.append("## ").append(esc(m.title())).append("\n\n");
        md.append("| first ↓ · second → |");
        for (String c : m.labels()) md.append(' ').append(esc(c)).append(" |");
        md.append("\n|---|");
        md.append("---|".repeat(m.labels().size()));
        md.append('\n');
        for (String r : m.labels()) {
            md.append("| **").append(esc(r)).append("** |");
            for (String c : m.labels()) md.append(' ').append(m.cell(r, c).map(Format::cell).orElse("·")).append(" |");
            md.append('\n');
        }
        md.append('\n');
    }

    /** Markdown-safe inline text: pipes would split table cells, and HTML in names would be rendered. */
    static String esc(String s) {
        if (s == null) return "–";
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }

    /** Text inside a code span: only backticks and newlines matter. */
    private static String code(String s) { return s.replace("`", "'").replace("\n", " "); }
}
