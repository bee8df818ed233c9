package io.natlab.edges;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nat-lab.jar run} where no Docker engine answers: one line on stderr naming the fix, no stack trace, exit 1,
 * and Testcontainers' explanation in the log file instead of the console.
 */
class NoDockerMessageIT {
    private static final Path LOCAL_SOCKET = Path.of("/var/run/docker.sock");

    @Test
    void noEngineGivesOneLineNamingTheFix(@TempDir Path home) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", "tcp://127.0.0.1:1"); // nothing listens there
        env.put("HOME", home.toString());            // no ~/.testcontainers.properties or ~/.docker to fall back on
        env.put("XDG_RUNTIME_DIR", null);            // no rootless socket either
        env.put("DOCKER_CONTEXT", null);
        env.put("DOCKER_CONFIG", null);
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges/no-docker");
        Path report = work.resolve("report");
        long t0 = System.nanoTime();
        int exit;
        try (NatLabProcess child = NatLabProcess.start(work, withoutLocalSocket(), env,
                "run", NatLabProcess.resource("small-pair.yaml").toString(), "--report", report.toString())) {
            exit = child.awaitExit(Duration.ofMinutes(2));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[info] no engine: exit %d after %d ms (output: %s)%n", exit, ms, child.outputFiles());

            assertThat(exit).as("exit code (1: the run could not happen)\n%s", child.transcript()).isEqualTo(1);
            List<String> lines = child.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("stderr").hasSize(1);
            assertThat(lines.get(0)).startsWith("run: No Docker engine: run docker/prepare-host.sh or start Docker")
                .contains(report.resolve("natlab.log").toString())
                .doesNotContain("Exception");
            assertThat(child.stdout()).as("stdout: no progress, no summary").isBlank();
        }
        assertThat(Files.readString(report.resolve("natlab.log"))).as("Testcontainers' own account goes to the log")
            .contains("Could not find a valid Docker environment");
    }

    /**
     * Testcontainers falls back to the local socket when DOCKER_HOST does not answer, so a machine whose engine runs
     * must hide it: a private mount namespace binds /dev/null over it. The wrapper execs java (no fork), so the child's
     * pid is java's.
     */
    private static List<String> withoutLocalSocket() {
        if (!Files.exists(LOCAL_SOCKET)) return List.of();
        List<String> unshare = List.of("unshare", "--mount", "--map-root-user", "sh", "-c",
            "mount --bind /dev/null " + LOCAL_SOCKET + " && exec \"$0\" \"$@\"");
        // Not an assumption: a test that did not run must not pass as skipped.
        assertThat(NatLabProcess.works(unshare)).as("cannot hide " + LOCAL_SOCKET + " (needs unshare and mount namespaces)").isTrue();
        return unshare;
    }
}
