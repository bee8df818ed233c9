package io.natlab.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostEnvironmentTest {
    private static final Path FILE = Path.of("/etc/natlab/env");

    /** What docker/prepare-host.sh writes on a host with no registry. */
    @Test void readsWhatPrepareHostWrites() {
        Map<String, String> vars = HostEnvironment.parse(FILE, List.of(
            "# written by docker/prepare-host.sh",
            "NATLAB_BASE_IMAGE=natlab/debian-base:bookworm",
            "",
            "TESTCONTAINERS_RYUK_DISABLED=true",
            "TESTCONTAINERS_HOST_OVERRIDE=localhost",
            "TESTCONTAINERS_CHECKS_DISABLE=true"));
        assertThat(vars).containsExactly(
            Map.entry("NATLAB_BASE_IMAGE", "natlab/debian-base:bookworm"),
            Map.entry("TESTCONTAINERS_RYUK_DISABLED", "true"),
            Map.entry("TESTCONTAINERS_HOST_OVERRIDE", "localhost"),
            Map.entry("TESTCONTAINERS_CHECKS_DISABLE", "true"));
    }

    @Test void aBadLineIsNamedByFileAndLine() {
        assertThatThrownBy(() -> HostEnvironment.parse(FILE, List.of("NATLAB_X=1", "PATH=/tmp")))
            .hasMessage("/etc/natlab/env:2: expected NATLAB_...=value or TESTCONTAINERS_...=value, got 'PATH=/tmp'");
        assertThatThrownBy(() -> HostEnvironment.parse(FILE, List.of("export TESTCONTAINERS_RYUK_DISABLED")))
            .hasMessageStartingWith("/etc/natlab/env:1: expected");
    }

    @Test void whatTheUserSetWins() {
        Map<String, String> file = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "NATLAB_BASE_IMAGE", "natlab/debian-base:bookworm");
        assertThat(HostEnvironment.missing(file, Map.of("NATLAB_BASE_IMAGE", "mine:1")))
            .containsExactly(Map.entry("TESTCONTAINERS_RYUK_DISABLED", "true"));
    }
}
