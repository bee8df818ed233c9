package io.natlab.report;

import io.natlab.result.RunResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The compact end-of-run summary: headline, every matrix with abbreviated labels, failed verdicts with their
 * diagnostics. Fits {@value #WIDTH} columns; a matrix too wide for that is printed as a list of cells instead.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {}

    static final int WIDTH = 100;

    /** @param reportDir where the files went (printed as the place to look), or null */
    public static String render(RunResult run, Path reportDir) {
        StringBuilder out = new StringBuilder();
        Format.Totals totals = Format.Totals.of(run);
        out.append("NAT lab ").append(totals.allPassed() ? Format.DIRECT : Format.FAILED).append(' ')
                .append(totals.headline()).append(" · wall ").append(Format.duration(run.wallMs())).append('\n');
        Set<String> abbreviated = new LinkedHashSet<>();
        for (NatMatrix m : Matrices.of(run)) {
            out.append('\n');
            matrix(out, m, abbreviated);
        }
        if (!abbreviated.isEmpty()) {
            out.append('\n');
            StringBuilder legend = new StringBuilder();
            for (String label : abbreviated) {
                String a = NatLabels.abbreviate(label);
                if (!a.equals(label)) legend.append(legend.length() == 0 ? "" : ", ").append(a).append(" = ").append(label);
            }
            if (legend.length() > 0) wrap(out, legend.toString(), "", "  ");
            wrap(out, "✔ direct, ✘ failed, ◐ mixed · successes/trials p50 · ⚠ verdict failed · ≈ flaky, ↯ broken, "
                    + "○ open (no punch needed)", "", "  ");
        }
        unstable(out, run);
        List<FailedVerdicts.Failure> failures = FailedVerdicts.of(run);
        if (!failures.isEmpty()) {
            out.append("\nFailed verdicts (").append(failures.size()).append("):\n");
            for (FailedVerdicts.Failure f : failures) {
                wrap(out, "⚠ " + f.title(), "", "    ");
                wrap(out, f.message(), "    ", "    ");
                if (f.diagnostics() != null && reportDir != null)
                    wrap(out, "diagnostics: " + reportDir.resolve(f.diagnostics()), "    ", "    ");
                if (f.scenario().rerun() != null) wrap(out, "rerun: " + f.scenario().rerun(), "    ", "    ");
            }
        }
        if (reportDir != null) out.append("\nReport: ").append(reportDir.resolve("report.html")).append('\n');
        return out.toString();
    }

    private static void matrix(StringBuilder out, NatMatrix m, Set<String> abbreviated) {
        List<String> labels = m.labels();
        abbreviated.addAll(labels);
        int rowWidth = labels.stream().mapToInt(l -> width(NatLabels.abbreviate(l))).max().orElse(1) + 2;
        int[] colWidths = new int[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            int w = width(NatLabels.abbreviate(labels.get(c)));
            for (String r : labels) w = Math.max(w, width(m.cell(r, labels.get(c)).map(Format::cellTight).orElse("·")));
            colWidths[c] = w + 2;
        }
        out.append(m.title()).append('\n');
        if (rowWidth + java.util.Arrays.stream(colWidths).sum() - 2 > WIDTH) {
            for (String r : labels)
                for (String c : labels)
                    m.cell(r, c).ifPresent(cell -> out.append("  ").append(NatLabels.abbreviate(r)).append(" × ")
                            .append(NatLabels.abbreviate(c)).append(": ").append(Format.cellTight(cell)).append('\n'));
            return;
        }
        out.append(pad("", rowWidth));
        for (int c = 0; c < labels.size(); c++) out.append(pad(NatLabels.abbreviate(labels.get(c)), colWidths[c]));
        trimEnd(out).append('\n');
        for (String r : labels) {
            out.append(pad(NatLabels.abbreviate(r), rowWidth));
            for (int c = 0; c < labels.size(); c++)
                out.append(pad(m.cell(r, labels.get(c)).map(Format::cellTight).orElse("·"), colWidths[c]));
            trimEnd(out).append('\n');
        }
    }

    /** Every flaky or broken pair by name, so a racy pair is named whatever its verdict. */
    private static void unstable(StringBuilder out, RunResult run) {
        List<String> lines = new ArrayList<>();
        for (var s : run.scenarios())
            for (var p : s.pairs() == null ? List.<io.natlab.result.PairResult>of() : s.pairs())
                if (p.stability() != null && p.stability().severity() > 0)
                    lines.add(p.stability().label().toUpperCase(java.util.Locale.ROOT) + " " + s.name() + ": "
                            + Format.pairName(p) + " (" + p.strategy() + ") " + Format.success(p.successes(), p.trials(),
                            p.wilsonLow(), p.wilsonHigh()) + " vs threshold " + Format.percent(p.stability().threshold())
                            + ", expected " + Format.outcome(p.expected()));
        if (lines.isEmpty()) return;
        out.append("\nUnstable pairs (").append(lines.size()).append("):\n");
        for (String l : lines) wrap(out, l, "  ", "    ");
    }

    /** Word-wraps text to {@link #WIDTH} columns; long unbreakable words (paths) stay whole. */
    static void wrap(StringBuilder out, String text, String firstIndent, String indent) {
        if (text == null) return;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        int start = firstIndent.length();
        for (String word : text.replace('\n', ' ').split(" ")) {
            if (word.isEmpty()) continue;
            if (width(line.toString()) > start && width(line.toString()) + 1 + width(word) > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (width(line.toString()) > start) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        for (String l : lines) out.append(l).append('\n');
    }

    /** Columns a string takes: one per code point (the symbols used are all single width). */
    static int width(String s) { return s.codePointCount(0, s.length()); }

    private static String pad(String s, int width) { return s + " ".repeat(Math.max(1, width - width(s))); }

    private static StringBuilder trimEnd(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
        return sb;
    }
}
