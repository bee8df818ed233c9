package io.natlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    @Test
    void writesTheThreeFilesAndReturnsTheSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("natlab-report");
        String summary = ReportWriter.write(SampleRuns.full(), out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.json", "report.md", "report.html");
        }
        assertThat(summary).isEqualTo(ConsoleSummary.render(SampleRuns.full(), out));
    }

    @Test
    void rerenderFromResultsJsonGivesTheSameReports(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        ReportWriter.write(SampleRuns.full(), first);
        Path second = dir.resolve("second");
        ReportWriter.rerender(first.resolve("results.json"), second);
        for (String f : new String[]{"results.json", "report.md", "report.html"})
            assertThat(Files.readString(second.resolve(f))).as(f).isEqualTo(Files.readString(first.resolve(f)));
    }

    @Test
    void rerenderInPlaceKeepsResultsJson(@TempDir Path dir) throws Exception {
        ReportWriter.write(SampleRuns.full(), dir);
        String json = Files.readString(dir.resolve("results.json"));
        Files.delete(dir.resolve("report.html"));
        ReportWriter.rerender(dir.resolve("results.json"), dir);
        assertThat(dir.resolve("report.html")).isRegularFile();
        assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo(json);
    }
}
