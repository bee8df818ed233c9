package io.natlab.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the sample run's reports to target/natlab-sample-report/ — the files to open in a browser when working on
 * the report's look — and checks the summary fits the console.
 */
class SampleReportTest {

    @Test
    void writesAllReportFilesForTheSampleRun() throws Exception {
        Path dir = Path.of("target", "natlab-sample-report");
        String summary = ReportWriter.write(SampleRuns.full(), dir);

        assertThat(dir.resolve("results.json")).isRegularFile();
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        for (String line : summary.split("\n"))
            if (!line.startsWith("Report: ") && !line.contains("rerun: ") && !line.contains("/"))
                assertThat(ConsoleSummary.width(line)).as(line).isLessThanOrEqualTo(ConsoleSummary.WIDTH);
    }
}
