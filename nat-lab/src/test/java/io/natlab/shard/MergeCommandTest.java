package io.natlab.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.cli.NatLabCli;
import io.natlab.report.ReportWriter;
import io.natlab.report.ResultsJson;
import io.natlab.report.SampleRuns;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import io.natlab.testing.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code nat-lab merge}: two shards of a run give back the run's verdicts and counts, diagnostics included. */
class MergeCommandTest {
    @TempDir
    Path tmp;
    @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

    @Test
    void twoShardsMergeIntoTheWholeRun() throws Exception {
        RunResult whole = SampleRuns.full();
        List<ScenarioResult> all = whole.scenarios();
        Path a = shard(whole, all.subList(0, all.size() / 2), "a");
        Path b = shard(whole, all.subList(all.size() / 2, all.size()), "b");
        Files.writeString(Files.createDirectories(b.resolve("diagnostics/x")).resolve("rerun.sh"), "echo hi\n");

        Path out = tmp.resolve("merged");
        assertThat(NatLabCli.execute("merge", a.toString(), b.toString(), "--report", out.toString()))
                .as(console.err()).isZero();

        RunResult merged = ResultsJson.read(out.resolve(ResultsJson.FILE_NAME));
        assertThat(merged.scenarios()).isEqualTo(all.stream().sorted(Comparator.comparing(ScenarioResult::name)).toList());
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("diagnostics/x/rerun.sh")).hasContent("echo hi");
    }

    @Test
    void aScenarioInTwoShardsIsRefused() throws Exception {
        RunResult whole = SampleRuns.full();
        Path a = shard(whole, whole.scenarios().subList(0, 2), "a");
        Path b = shard(whole, whole.scenarios().subList(1, 3), "b");
        assertThat(NatLabCli.execute("merge", a.toString(), b.toString(), "--report", tmp.resolve("m").toString()))
                .isEqualTo(1);
        assertThat(console.err()).contains("is in both").doesNotContain("Exception");
    }

    @Test
    void aFolderWithoutResultsIsAUsageError() {
        assertThat(NatLabCli.execute("merge", tmp.resolve("nothing").toString(), "--report", tmp.resolve("m").toString()))
                .isEqualTo(2);
        assertThat(console.err()).contains("no results.json here");
    }

    private Path shard(RunResult whole, List<ScenarioResult> part, String name) throws Exception {
        Path dir = tmp.resolve(name);
        ReportWriter.write(new RunResult(whole.schemaVersion(), whole.startedAt(), whole.wallMs(), whole.host(),
                List.copyOf(part)), dir);
        return dir;
    }
}
