package io.natlab.cli;

import io.natlab.testing.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Unusable paths on the command line: one line each, exit 2, before anything is read or started. */
class CommandInputsTest {
    private static final String GOOD = "src/test/resources/yaml/good/minimal.yaml";

    @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
    @TempDir Path tmp;

    private String err() { return console.err(); }

    @Test
    void aDirectoryIsNamedAsOneWithTheFix() {
        assertThat(NatLabCli.execute("validate", tmp.toString())).isEqualTo(2);
        assertThat(err().lines()).containsExactly("validate: " + tmp + ": is a directory; give the files in it, e.g. "
            + tmp.resolve("*.yaml"));
    }

    @Test
    void missingAndUnreadableFilesGetTheSameExitCode() {
        assertThat(NatLabCli.execute("validate", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
        // /proc/self/mem is a regular file every user (root too) can open but not read from its start.
        assertThat(NatLabCli.execute("validate", "/proc/self/mem")).isEqualTo(2);
        assertThat(err().lines()).containsExactly("validate: " + tmp.resolve("missing.yaml") + ": no such file",
            "validate: /proc/self/mem: cannot read it: Input/output error");
    }

    @Test
    void aFileNameWithANewlineStaysOnOneLine() {
        assertThat(NatLabCli.execute("validate", tmp.resolve("a\nvalidate: fake").toString())).isEqualTo(2);
        assertThat(err().lines()).containsExactly("validate: " + tmp + "/a\\nvalidate: fake: no such file");
    }

    private String[] run(String... extra) throws Exception {
        Path jar = Files.writeString(tmp.resolve("punch.jar"), "");
        Path docker = tmp.resolve("docker");
        Files.createDirectories(docker.resolve("router"));
        Files.createDirectories(docker.resolve("peer"));
        String[] base = {"run", "--punch-jar", jar.toString(), "--docker-dir", docker.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void runOnADirectorySaysSo() throws Exception {
        assertThat(NatLabCli.execute(run(tmp.toString()))).isEqualTo(2);
        assertThat(err().lines()).containsExactly("run: " + tmp + ": is a directory; give the files in it, e.g. "
            + tmp.resolve("*.yaml"));
    }

    @Test
    void anUnusableReportDirectoryIsOneLineAndExitTwoBeforeAnythingStarts() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        String[][] cases = {
            {file.resolve("report").toString(), "is under " + file + ", which is not a directory"},
            {tmp.resolve("missing/report").toString(), "its parent directory " + tmp.resolve("missing") + " does not exist"},
            {file.toString(), "exists and is not a directory"},
            {"/proc/natlab-report", "cannot be written: "},
        };
        for (String[] c : cases) {
            console.reset();
            assertThat(NatLabCli.execute(run("--report", c[0], GOOD))).as(c[0]).isEqualTo(2);
            assertThat(err().lines()).as(c[0]).singleElement().asString().startsWith("run: --report " + c[0] + ": " + c[1]);
        }
        assertThat(tmp.resolve("missing")).doesNotExist();
    }
}
