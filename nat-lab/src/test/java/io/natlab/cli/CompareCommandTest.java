package io.natlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** compare's bad input: exit 2, one line per problem naming the option or file, nothing started. */
class CompareCommandTest {
    private static final String GOOD = "src/test/resources/compare/one-cell.yaml";
    @TempDir Path tmp;
    private final StringWriter err = new StringWriter();

    private int compare(String... args) {
        CommandLine cli = NatLabCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void eachSideNeedsExactlyOneJarOrImplementation() {
        assertThat(compare(GOOD)).isEqualTo(2);
        assertThat(err.toString()).contains("compare: give exactly one of --base-jar JAR and --base-impl IMPL")
            .contains("compare: give exactly one of --head-jar JAR and --head-impl IMPL");
    }

    @Test
    void aMissingOrNonJarFileIsNamedWithItsOption() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a jar");
        assertThat(compare("--base-jar", tmp.resolve("missing.jar").toString(), "--head-jar", text.toString(), GOOD))
            .isEqualTo(2);
        assertThat(err.toString()).contains("compare: --base-jar " + tmp.resolve("missing.jar") + ": no such file")
            .contains("compare: --head-jar " + text + ": not a jar file");
    }

    @Test
    void twoImplementationsWithOneNameCannotBeCompared() {
        assertThat(compare("--base-impl", "punch-core", "--head-impl", "punch-core", GOOD)).isEqualTo(2);
        assertThat(err.toString()).contains("--base-impl and --head-impl are both 'punch-core'");
    }

    @Test
    void anInvalidScenarioAndBadThresholdsAreUsageErrors() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "description: x\ntopology: {sites: []}\npunches: []\n");
        assertThat(compare("--base-impl", "punch-core", "--head-impl", "../examples/python-punch", "--alpha", "1.5",
            "--trials", "0", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad.toString()).contains("--trials must be at least 1, got 0")
            .contains("--alpha/--min-*: alpha must be in (0, 1): 1.5");
    }

    @Test
    void aForeignNonEmptyReportFolderIsRefusedBeforeAnythingRuns() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "keep me");
        assertThat(compare("--base-impl", "punch-core", "--head-impl", "../examples/python-punch", "--report",
            mine.toString(), GOOD)).isEqualTo(2);
        assertThat(err.toString()).startsWith("compare: --report");
        assertThat(mine.resolve("thesis.txt")).hasContent("keep me");
    }
}
