package io.natlab.lab;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerNetworkRangesTest {

    @Test
    void aLabsNetworkIsNamedWithItsLiveOwner() {
        assertThat(DockerNetworkRanges.dockerNetwork("bridge", Map.of())).isEqualTo("Docker network 'bridge'");
        assertThat(DockerNetworkRanges.dockerNetwork("natlab-ab12cd34-home",
                Map.of(LabLabels.NATLAB, "true", LabLabels.LAB, "ab12cd34", LabLabels.PID, "4242", LabLabels.HOST, "ci-7")))
            .isEqualTo("Docker network 'natlab-ab12cd34-home' of a running nat-lab (pid 4242 on ci-7)");
    }
}
