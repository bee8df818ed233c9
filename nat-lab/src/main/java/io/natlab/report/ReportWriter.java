package io.natlab.report;

import io.natlab.result.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a run's reports: results.json, report.md and report.html, into one directory (normally
 * {@code nat-lab/target/natlab-report/}, next to the runner's diagnostics which the reports link to).
 */
public final class ReportWriter {
    private ReportWriter() {}

    /**
     * Writes all three files (each atomically, so a reader never sees half a report) and returns the compact console
     * summary for the caller to print at the end of the run.
     */
    public static String write(RunResult run, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(ResultsJson.FILE_NAME), ResultsJson.toJson(run));
        writeAtomically(dir.resolve(MarkdownReport.FILE_NAME), MarkdownReport.render(run));
        writeAtomically(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(run));
        return ConsoleSummary.render(run, dir);
    }

    /**
     * Renders report.md and report.html again from an existing results.json (after a report change, or to view a
     * CI artifact). Writes results.json too only when {@code dir} is not where it came from. Returns the summary.
     */
    public static String rerender(Path resultsJson, Path dir) throws IOException {
        RunResult run = ResultsJson.read(resultsJson);
        Files.createDirectories(dir);
        Path target = dir.resolve(ResultsJson.FILE_NAME);
        if (!Files.exists(target) || !Files.isSameFile(resultsJson, target)) writeAtomically(target, ResultsJson.toJson(run));
        writeAtomically(dir.resolve(MarkdownReport.FILE_NAME), MarkdownReport.render(run));
        writeAtomically(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(run));
        return ConsoleSummary.render(run, dir);
    }

    /**
     * {@code java -cp nat-lab.jar io.natlab.report.ReportWriter RESULTS_JSON [DIR]}: rerenders the reports; DIR
     * defaults to the directory holding RESULTS_JSON.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ReportWriter RESULTS_JSON [OUTPUT_DIR]");
            System.exit(2);
        }
        Path json = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(json)) {
            System.err.println(args[0] + ": no such file");
            System.exit(2);
        }
        Path dir = args.length == 2 ? Path.of(args[1]) : json.getParent();
        try {
            ConsoleOut.stdout().print(rerender(json, dir));
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
