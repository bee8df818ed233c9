package io.natlab.cli;

import io.natlab.testing.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/** Drives {@code nat-lab validate} through the real CLI entry point, capturing stdout and stderr. */
class ValidateCommandTest {

    private static final String GOOD = "src/test/resources/yaml/good/minimal.yaml";
    private static final String GOOD_2 = "src/test/resources/yaml/good/public-peers.yaml";
    private static final String BAD = "src/test/resources/yaml/bad/many-errors.yaml";

    @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

    private String out() { return console.out(); }
    private String err() { return console.err(); }

    @Test
    void validFilesExitZeroWithOkLines() {
        assertThat(NatLabCli.execute("validate", GOOD, GOOD_2)).isZero();
        assertThat(out().lines()).containsExactly("OK " + GOOD, "OK " + GOOD_2);
        assertThat(err()).isEmpty();
    }

    @Test
    void invalidFilesExitOneWithEveryErrorOnStderr() {
        assertThat(NatLabCli.execute("validate", GOOD, BAD)).isEqualTo(1);
        assertThat(out().lines()).containsExactly("OK " + GOOD);
        assertThat(err().lines()).hasSize(6)
            .anySatisfy(l -> assertThat(l).startsWith(BAD + ":5:12: topology.sites[0].nat: unknown NAT preset 'symetric'"))
            .anySatisfy(l -> assertThat(l).isEqualTo(BAD + ":15:9: trials: must be between 1 and 10000, got 0"))
            .last().isEqualTo("1 of 2 file(s) invalid");
    }

    @Test
    void topologyFlagValidatesTopologyOnlyFiles() {
        String topology = "src/test/resources/yaml/topology/two-homes.yaml";
        assertThat(NatLabCli.execute("validate", topology)).isEqualTo(1);
        assertThat(err()).contains(topology + ":2:1: description: missing");
        assertThat(NatLabCli.execute("validate", "--topology", topology)).isZero();
        assertThat(out()).contains("OK " + topology);
    }

    @Test
    void noFilesOrMissingFilesAreUsageErrors() {
        assertThat(NatLabCli.execute("validate")).isEqualTo(2);
        assertThat(err()).startsWith("validate: no files given").contains("Usage:");
        console.reset();
        assertThat(NatLabCli.execute("validate", GOOD, "nope.yaml")).isEqualTo(2);
        assertThat(err().lines()).containsExactly("validate: nope.yaml: no such file");
        assertThat(out()).isEmpty();
    }
}
