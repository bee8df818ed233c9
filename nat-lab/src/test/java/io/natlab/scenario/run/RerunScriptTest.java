package io.natlab.scenario.run;

import io.natlab.scenario.run.cli.RerunCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rerun.sh with hostile scenario paths, run for real by sh with stub mvn/java that only record their arguments:
 * nothing but the one intended command may run, and it must get the path back unchanged.
 */
class RerunScriptTest {
    @TempDir Path tmp;

    private static final List<String> HOSTILE = List.of("a\ntouch pwned\nb.yaml", "it's.yaml", "say \"hi\".yaml",
        "$(touch pwned).yaml", "`touch pwned`.yaml", "a;touch pwned;.yaml", "a\rb.yaml", "x".repeat(250) + ".yaml",
        "\u00e9t\u00e9 \u2028.yaml", "-rf.yaml", "*.yaml", "a\\b.yaml", "$HOME.yaml", "a b\tc.yaml");

    private List<String> runScript(Path scenario, String mode) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("mvn", "java")) {
            Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$ARGS_OUT\"\n");
            stub.toFile().setExecutable(true);
        }
        Path repo = Files.createDirectories(tmp.resolve("repo 'root'"));
        Path script = tmp.resolve("rerun.sh");
        Files.writeString(script, RerunCommand.script(scenario, repo), StandardCharsets.UTF_8);
        Path argsOut = tmp.resolve("args");
        Files.deleteIfExists(argsOut);
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), mode).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("ARGS_OUT", argsOut.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(tmp.resolve("pwned")).as("injected command ran").doesNotExist();
        assertThat(repo.resolve("pwned")).as("injected command ran").doesNotExist();
        return List.of(Files.readString(argsOut, StandardCharsets.UTF_8).split("\0"));
    }

    @Test
    void hostilePathsReachTheCommandIntactAndRunNothingElse() throws Exception {
        for (String name : HOSTILE) {
            Path scenario = tmp.resolve("dir $(x)").resolve(name);
            String absolute = scenario.toAbsolutePath().normalize().toString();
            assertThat(runScript(scenario, "maven")).as(name).last().isEqualTo("-Dnatlab.scenarios=" + absolute);
            assertThat(runScript(scenario, "jar")).as(name).containsExactly("-jar", "nat-lab/target/nat-lab.jar", "run", absolute);
            String script = RerunCommand.script(scenario, tmp);
            assertThat(script.lines().filter(l -> l.startsWith("#")).count()).as(name).isEqualTo(3);
        }
    }

    @Test
    void aNulByteCannotEvenBecomeAPath() {
        assertThatThrownBy(() -> Path.of("a\0b.yaml")).isInstanceOf(InvalidPathException.class);
    }
}
