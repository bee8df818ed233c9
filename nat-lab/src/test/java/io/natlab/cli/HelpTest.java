package io.natlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nat-lab --help}, {@code nat-lab run --help} and {@code nat-lab validate --help} print help and exit 0. */
class HelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = NatLabCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test void runHelp() {
        assertThat(execute("run", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: nat-lab run").contains("--trials=N", "--report=DIR", "--parallel=N", "-h, --help");
        assertThat(err.toString()).isEmpty();
    }

    @Test void validateHelp() {
        assertThat(execute("validate", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: nat-lab validate").contains("--topology", "-h, --help");
        assertThat(err.toString()).isEmpty();
    }

    @Test void topLevelHelpNamesBothCommands() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("validate", "run");
    }
}
