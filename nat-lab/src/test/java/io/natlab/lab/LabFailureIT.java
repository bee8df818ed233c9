package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import io.natlab.nat.DelayBackend;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Labs that must not start, and leftovers that must (or must not) be swept — always with nothing left behind. */
class LabFailureIT {
    private final DockerClient docker = DockerAvailability.client();

    private void assertNothingOfThisProcessLeft() {
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LabLabels.PID, pid)).exec()).isEmpty();
        assertThat(docker.listNetworksCmd().withFilter("label", List.of(LabLabels.PID + "=" + pid)).exec()).isEmpty();
    }

    @Test
    void forcedNetemWithoutNetemFailsNamingTheKernelFeature() {
        RouterOptions slow = new RouterOptions(RouterOptions.defaults().unsolicited(), false, 0, Duration.ofMillis(20),
            Duration.ZERO, Map.of());
        Topology t = Topology.builder("needs-netem")
            .site(Site.builder("slow-home").preset(NatPreset.PORT_RESTRICTED_CONE).router(slow).peers("sam")).build();
        boolean kernelHasNetem = false;
        String before = System.setProperty(DelayBackendChoice.PROPERTY, "netem");
        try (DockerLab lab = DockerLab.start(t, LabOptions.fromEnvironment())) {
            kernelHasNetem = true; // a kernel with netem starts it; this host's kernel has none
            assertThat(lab.router("slow-home").delayBackend()).isEqualTo(DelayBackend.NETEM);
        } catch (LabStartException e) {
            System.out.println("[info] " + e.getMessage());
            assertThat(e.getMessage()).contains("slow-home").contains("netem").contains("sch_netem").contains("nfqueue");
        } finally {
            if (before == null) System.clearProperty(DelayBackendChoice.PROPERTY); else System.setProperty(DelayBackendChoice.PROPERTY, before);
        }
        if (kernelHasNetem) System.out.println("[info] this kernel has netem: the lab started with latency");
        assertNothingOfThisProcessLeft();
    }

    @Test
    void aRendezvousServerThatExitsIsReportedWithItsOwnErrorNotDockers409() {
        // Validation refuses this token; built directly, it reaches the server, which exits with a usage error.
        Topology t = Topology.builder("exits").rendezvous(new Rendezvous(null, 7000, "t".repeat(300)))
            .site(Site.builder("home").preset(NatPreset.FULL_CONE).peers("p")).build();
        assertThatThrownBy(() -> DockerLab.start(t, LabOptions.fromEnvironment()))
            .isInstanceOf(LabStartException.class)
            .hasMessageContaining("rendezvous")
            .hasMessageContaining("--token must be at most 256 characters")
            .hasMessageNotContaining("409");
        assertNothingOfThisProcessLeft();
    }

    @Test
    void userSubnetOverDockersDefaultBridgeIsRefused() {
        Topology t = Topology.builder("clash")
            .site(Site.builder("home").preset(NatPreset.SYMMETRIC).lan(Subnet.parse("172.17.0.0/24")).peers("p")).build();
        assertThatThrownBy(() -> DockerLab.start(t, LabOptions.fromEnvironment()))
            .isInstanceOf(LabStartException.class)
            .hasMessageContaining("topology.sites[0].lan: 172.17.0.0/24 overlaps Docker network 'bridge'");
        assertNothingOfThisProcessLeft();
    }

    @Test
    void sweeperRemovesDeadOwnersLeftoversButNeverALiveOnes() {
        Map<String, String> dead = new HashMap<>(LabLabels.forLab("deadbeef"));
        dead.put(LabLabels.PID, "999999999");
        Map<String, String> alive = new HashMap<>(LabLabels.forLab("a11ve000"));
        alive.put(LabLabels.PID, "1"); // init: alive, and not us
        alive.put(LabLabels.PID_START, Long.toString(LabLabels.startMillis(ProcessHandle.of(1).orElseThrow())));
        String deadNet = docker.createNetworkCmd().withName("natlab-deadbeef-test").withLabels(dead).withInternal(true).exec().getId();
        String liveNet = docker.createNetworkCmd().withName("natlab-a11ve000-test").withLabels(alive).withInternal(true).exec().getId();
        try {
            assertThat(LabSweeper.sweep(docker)).contains("deadbeef").doesNotContain("a11ve000");
            assertThat(docker.listNetworksCmd().withIdFilter(deadNet).exec()).isEmpty();
            assertThat(docker.listNetworksCmd().withIdFilter(liveNet).exec()).hasSize(1);
        } finally {
            try { docker.removeNetworkCmd(liveNet).exec(); } catch (RuntimeException ignored) { /* gone */ }
            try { docker.removeNetworkCmd(deadNet).exec(); } catch (RuntimeException ignored) { /* swept */ }
        }
    }
}
