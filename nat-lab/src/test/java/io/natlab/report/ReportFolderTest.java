package io.natlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFolderTest {
    @TempDir Path tmp;

    @Test void anEarlierRunsFilesAndDiagnosticsAreGone() throws IOException {
        Path dir = tmp.resolve("natlab-report");
        ReportFolder.prepare(dir, null);
        Files.createDirectories(dir.resolve("old-scenario/alice-bob-listen-connect/trial-1"));
        Files.writeString(dir.resolve("old-scenario/alice-bob-listen-connect/trial-1/rules.txt"), "old evidence");
        Files.writeString(dir.resolve("report.html"), "old report");

        ReportFolder.prepare(dir, null);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ReportFolder.MARKER);
        }
    }

    @Test void theLogInUseIsKept() throws IOException {
        Path dir = tmp.resolve("r");
        ReportFolder.prepare(dir, null);
        Files.writeString(dir.resolve("natlab.log"), "this run's log");
        Files.writeString(dir.resolve("results.json"), "{}");
        ReportFolder.prepare(dir, dir.resolve("natlab.log"));
        assertThat(dir.resolve("natlab.log")).hasContent("this run's log");
        assertThat(dir.resolve("results.json")).doesNotExist();
    }

    @Test void aFolderWrittenBeforeTheMarkerExistedIsRecognisedByItsReport() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve("results.json"), "{}");
        Files.createDirectories(dir.resolve("some-scenario"));
        ReportFolder.prepare(dir, null);
        assertThat(dir.resolve("some-scenario")).doesNotExist();
    }

    @Test void aFolderOfOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> ReportFolder.prepare(dir, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a nat-lab report");
        assertThat(dir.resolve("thesis.tex")).hasContent("precious");
    }
}
