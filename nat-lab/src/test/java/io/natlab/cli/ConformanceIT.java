package io.natlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nat-lab conformance} in one lab on punch-core, the Python example and a deliberately broken copy of it
 * (made here from examples/python-punch with two lines changed: it ignores its deadline while waiting for the peer
 * and exits 0 on failure; its natlab-impl.yaml is in src/test/resources/conformance/python-broken): the first two pass every check, the broken one fails exactly the two checks it breaks, each with one
 * clear line, and the command exits 1.
 */
class ConformanceIT {
    @TempDir Path tmp;

    @Test
    void passesBothImplementationsAndFailsTheBrokenOneWithClearMessages() throws IOException {
        Path root = Path.of(System.getProperty("natlab.repoRoot", "..")).toAbsolutePath().normalize();
        Path broken = brokenCopyOfTheExample(root);
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = NatLabCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long t0 = System.nanoTime();
        int exit = cli.execute("conformance", "punch-core", root.resolve("examples/python-punch").toString(),
            broken.toString(),
            "--report", root.resolve("nat-lab/target/conformance-it").toString());
        String transcript = "--- stdout ---\n" + out + "--- stderr ---\n" + err;
        System.out.printf("[info] conformance of 3 implementations: exit %d in %.1f s%n%s", exit, (System.nanoTime() - t0) / 1e9, transcript);

        assertThat(exit).as(transcript).isEqualTo(1);
        assertThat(out.toString()).as(transcript)
            .contains("punch-core: 5/5 checks passed")
            .contains("python-example: 5/5 checks passed")
            .contains("python-broken: 3/5 checks passed")
            .containsPattern("FAIL  absent-peer +did not exit by itself: killed after \\d+ ms \\(deadline 3000 ms \\+ 2000 ms slack\\)")
            .containsPattern("FAIL  wrong-token +exit code 0 but outcome 'failed' \\(the contract says 1\\)")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
        String brokenPart = out.toString().substring(out.toString().indexOf("python-broken ("));
        assertThat(brokenPart).as(transcript).contains("PASS  punch-as-first").contains("PASS  punch-as-second").contains("PASS  echo");
        assertThat(err.toString()).as(transcript).isEmpty();
    }

    /** The Python example with exactly two contract violations; each edit must find its line, or the test says so. */
    private Path brokenCopyOfTheExample(Path root) throws IOException {
        String source = Files.readString(root.resolve("examples/python-punch/punch.py"));
        String[][] edits = {
            {"msg = server.frame(deadline)", "msg = server.frame(deadline + 3600)  # BROKEN 1: ignores the deadline"},
            {"return 0 if result[\"outcome\"] == \"direct\" else 1", "return 0  # BROKEN 2: exit 0 even when it failed"},
        };
        for (String[] edit : edits) {
            assertThat(source).as("examples/python-punch/punch.py no longer has the line this test breaks").contains(edit[0]);
            source = source.replace(edit[0], edit[1]);
        }
        Path dir = Files.createDirectories(tmp.resolve("python-broken"));
        Files.writeString(dir.resolve("punch.py"), source);
        Files.copy(root.resolve("nat-lab/src/test/resources/conformance/python-broken/natlab-impl.yaml"), dir.resolve("natlab-impl.yaml"));
        return dir;
    }
}
