package io.natlab.edges;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nat-lab.jar} reads the env file {@code docker/prepare-host.sh} writes, by itself: a variable set only in
 * that file reaches the code that reads the environment (here NATLAB_RESERVED, seen by {@code validate}; on a host
 * without a registry the same path carries Testcontainers' switches). No Docker needed.
 */
class HostEnvFileIT {
    @Test
    void aVariableFromTheEnvFileReachesTheRun() throws IOException {
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges/host-env-file");
        Files.createDirectories(work);
        Path envFile = work.resolve("env");
        Files.writeString(envFile, "# as docker/prepare-host.sh writes it\nNATLAB_RESERVED=10.77.0.0/16\n");
        Path scenario = work.resolve("reserved-lan.yaml");
        Files.writeString(scenario, """
            description: a LAN inside a range the env file reserves
            topology:
              sites:
                - {name: home-a, nat: port-restricted-cone, lan: 10.77.1.0/24, peers: [alice]}
                - {name: home-b, nat: port-restricted-cone, peers: [bob]}
            punches:
              - peers: [alice, bob]
            """);
        Map<String, String> env = new HashMap<>();
        env.put("NATLAB_ENV_FILE", envFile.toString());
        env.put("NATLAB_RESERVED", null); // only the file sets it
        try (NatLabProcess child = NatLabProcess.start(work, List.of(), env, "validate", scenario.toString())) {
            int exit = child.awaitExit(Duration.ofMinutes(1));
            assertThat(exit).as("exit code\n%s", child.transcript()).isEqualTo(1);
            assertThat(child.stderr()).contains("topology.sites[0].lan: 10.77.1.0/24 overlaps 10.77.0.0/16, listed in NATLAB_RESERVED");
        }
    }

    @Test
    void aMalformedEnvFileIsNamedByFileAndLineAndNothingRuns() throws IOException {
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges/host-env-file-bad");
        Files.createDirectories(work);
        Path envFile = work.resolve("env");
        Files.writeString(envFile, "NATLAB_BASE_IMAGE=natlab/debian-base:bookworm\nexport PATH=/tmp\n");
        try (NatLabProcess child = NatLabProcess.start(work, List.of(), Map.of("NATLAB_ENV_FILE", envFile.toString()),
                "validate", NatLabProcess.resource("small-pair.yaml").toString())) {
            int exit = child.awaitExit(Duration.ofMinutes(1));
            assertThat(exit).as("exit code\n%s", child.transcript()).isEqualTo(2);
            assertThat(child.stderr().strip()).isEqualTo("nat-lab: " + envFile + ":2: expected NATLAB_...=value or "
                + "TESTCONTAINERS_...=value, got 'export PATH=/tmp'");
            assertThat(child.stdout()).isBlank();
        }
    }
}
