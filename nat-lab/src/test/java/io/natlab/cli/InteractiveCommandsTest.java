package io.natlab.cli;

import io.natlab.interactive.LabState;
import io.natlab.interactive.StateDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** exec, punch and down without Docker: no lab, unknown hosts and implementations get one clear line each. */
class InteractiveCommandsTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter(), err = new StringWriter();

    @BeforeEach void stateHere() { System.setProperty("natlab.stateDir", dir.toString()); }
    @AfterEach void restore() { System.clearProperty("natlab.stateDir"); }

    private int execute(String... args) {
        CommandLine cli = NatLabCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void labIsUp() throws Exception {
        new LabState("abcd1234", "two-homes", "lab.yaml", ProcessHandle.current().pid(), 0, dir.resolve("lab.sock").toString(),
            "198.18.5.2:7000", "/tmp/e", List.of("punch-core"), List.of(
                new LabState.Host("alice", "peer", "home-a", "10.0.0.10", "198.18.5.100", "c1"),
                new LabState.Host("bob", "peer", "home-b", "10.0.1.10", "198.18.5.101", "c2"),
                new LabState.Host("home-a", "router", "home-a", "10.0.0.254", "198.18.5.100", "c3")))
            .write(StateDir.stateFile(dir));
    }

    @Test void withoutALabEachCommandSaysSo() {
        assertThat(execute("exec", "alice", "--", "true")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("exec: no lab is up (no " + dir.resolve("lab.json")
            + "); start one with 'nat-lab up FILE'");
        assertThat(execute("punch", "alice", "bob")).isEqualTo(1);
        assertThat(execute("down")).isZero();
        assertThat(out.toString()).contains("down: no lab is up");
    }

    @Test void unknownHostsAreRefusedWithTheLabsOwn() throws Exception {
        labIsUp();
        assertThat(execute("exec", "mallory", "--", "true")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("exec: no host 'mallory' in lab two-homes; hosts: alice, bob, home-a");
        err.getBuffer().setLength(0);
        assertThat(execute("punch", "alice", "home-a")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("punch: no peer 'home-a' in lab two-homes; peers: alice, bob");
        err.getBuffer().setLength(0);
        assertThat(execute("punch", "alice", "bob", "--impl", "nonesuch")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("punch: --impl nonesuch: lab two-homes does not carry it; it carries punch-core");
    }

    @Test void upRefusesAMissingFile() {
        assertThat(execute("up", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("up: " + dir.resolve("missing.yaml") + ": no such file");
    }
}
