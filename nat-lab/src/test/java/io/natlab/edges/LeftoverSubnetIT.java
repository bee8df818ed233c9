package io.natlab.edges;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import io.natlab.lab.DockerNetworkRanges;
import io.natlab.lab.LabLabels;
import io.natlab.hostnet.ReservedRange;
import io.natlab.topology.Subnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario asks for a LAN subnet that a leftover lab network still holds. A dead owner's leftover (a killed run)
 * is swept at start and the run proceeds; a live owner's network (a lab running in parallel) is left alone and the
 * run fails with a message naming the file, the field and the network in the way.
 * ({@code LabFailureIT} covers the sweeper's decision itself and a clash with a non-lab network.)
 */
class LeftoverSubnetIT {
    private static final Subnet SLICE = Subnet.parse("10.201.0.0/16"); // outside the lab's default pools
    private final DockerClient docker = LabObjects.docker();
    private String leftoverId;
    private NatLabProcess child;

    @AfterEach void cleanUp() {
        if (child != null) { child.close(); LabObjects.removeLeftovers(child.pid()); }
        if (leftoverId != null) {
            try { docker.removeNetworkCmd(leftoverId).exec(); } catch (RuntimeException ignored) { /* swept, as it should be */ }
        }
    }

    @Test
    void deadOwnersLeftoverOnTheRequestedSubnetIsSweptAndTheRunProceeds(TestInfo test) throws IOException {
        Subnet lan = freeSubnet();
        long deadPid = LongStream.iterate(999_999, p -> p + 1).filter(p -> ProcessHandle.of(p).isEmpty()).findFirst().orElseThrow();
        Map<String, String> labels = LabLabels.forLab(labId());
        labels.put(LabLabels.PID, Long.toString(deadPid));
        labels.remove(LabLabels.PID_START);
        leftoverId = createLeftover(lan, labels);

        child = run(test, lan);
        int exit = child.awaitExit(Duration.ofMinutes(4));
        System.out.printf("[info] leftover of dead pid %d on %s: exit %d (output: %s)%n", deadPid, lan, exit, child.outputFiles());

        assertThat(docker.listNetworksCmd().withIdFilter(leftoverId).exec()).as("the dead owner's leftover").isEmpty();
        assertThat(child.stdout()).contains("edges-fixed-lan: lab up").doesNotContain("overlaps");
        assertThat(exit).as("exit code of a run whose one pair passes\n%s", child.transcript()).isZero();
        assertThat(LabObjects.describe(child.pid())).as("the run's own lab, after it ended").isEmpty();
    }

    @Test
    void liveOwnersNetworkOnTheRequestedSubnetIsLeftAloneAndNamed(TestInfo test) throws IOException {
        Subnet lan = freeSubnet();
        String id = labId();
        leftoverId = createLeftover(lan, LabLabels.forLab(id)); // owned by this test's JVM: alive

        child = run(test, lan);
        int exit = child.awaitExit(Duration.ofMinutes(4));
        System.out.printf("[info] live lab's network on %s: exit %d (output: %s)%n", lan, exit, child.outputFiles());

        assertThat(docker.listNetworksCmd().withIdFilter(leftoverId).exec()).as("a live lab's network").hasSize(1);
        assertThat(exit).as("exit code\n%s", child.transcript()).isEqualTo(1);
        assertThat(child.stdout())
            .contains("fixed-lan.yaml:")
            .contains("topology.sites[0].lan: " + lan + " overlaps Docker network 'natlab-" + id + "-home' of a running nat-lab (pid "
                + ProcessHandle.current().pid() + " on " + LabLabels.hostName() + ")")
            .doesNotContain("lab up");
        assertThat(child.stderr()).doesNotContain("\tat ");
        assertThat(LabObjects.describe(child.pid())).as("the run's own objects").isEmpty();
    }

    private NatLabProcess run(TestInfo test, Subnet lan) throws IOException {
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges").resolve(test.getTestMethod().orElseThrow().getName());
        Files.createDirectories(work);
        Path scenario = work.resolve("fixed-lan.yaml");
        Files.writeString(scenario, Files.readString(NatLabProcess.resource("fixed-lan.yaml")).replace("LAN_SUBNET", lan.toString()));
        return NatLabProcess.start(work, List.of(), Map.of(), "run", scenario.toString(), "--report", work.resolve("report").toString());
    }

    /** A leftover LAN as a lab makes it: an ordinary bridge with our labels, on the subnet the scenario asks for. */
    private String createLeftover(Subnet lan, Map<String, String> labels) {
        String name = "natlab-" + labels.get(LabLabels.LAB) + "-home";
        return docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels)
            .withOptions(Map.of("com.docker.network.bridge.enable_ip_masquerade", "false"))
            .withIpam(new Network.Ipam().withConfig(
                new Network.Ipam.Config().withSubnet(lan.toString()).withGateway(lan.host(1))))
            .exec().getId();
    }

    /** A /24 in {@link #SLICE} nothing on this host uses (other labs run in parallel). */
    private Subnet freeSubnet() {
        List<ReservedRange> taken = DockerNetworkRanges.takenOnThisHost(docker);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 256; i++) {
            Subnet s = new Subnet(SLICE.network() + random.nextInt(256) * 256, 24);
            if (taken.stream().noneMatch(t -> t.subnet().overlaps(s))) return s;
        }
        throw new IllegalStateException("no free /24 in " + SLICE);
    }

    private static String labId() {
        return "e" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "0";
    }
}
