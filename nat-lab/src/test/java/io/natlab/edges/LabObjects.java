package io.natlab.edges;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.natlab.lab.LabLabels;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;

/** The Docker containers and networks labelled as owned by one process ({@code natlab.pid}). */
final class LabObjects {
    private LabObjects() {}

    static DockerClient docker() { return DockerClientFactory.instance().client(); }

    static List<Container> containers(long ownerPid) {
        return docker().listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of(LabLabels.NATLAB, "true", LabLabels.PID, Long.toString(ownerPid))).exec();
    }

    static List<Network> networks(long ownerPid) {
        return docker().listNetworksCmd().withFilter("label", List.of(LabLabels.NATLAB + "=true", LabLabels.PID + "=" + ownerPid)).exec();
    }

    /** Names of what is left, for assertion messages. */
    static List<String> describe(long ownerPid) {
        return java.util.stream.Stream.concat(
            containers(ownerPid).stream().map(c -> "container " + String.join(",", c.getNames()) + " (" + c.getState() + ")"),
            networks(ownerPid).stream().map(n -> "network " + n.getName())).toList();
    }

    /**
     * Safety net after a failed test: removes what a child process of this test left (and only that: the pid is the
     * child's, which is dead by then), so one failure does not leak into other helpers' runs.
     */
    static void removeLeftovers(long ownerPid) {
        for (Container c : containers(ownerPid)) {
            try { docker().removeContainerCmd(c.getId()).withForce(true).exec(); } catch (RuntimeException ignored) { /* gone */ }
        }
        for (Network n : networks(ownerPid)) {
            try { docker().removeNetworkCmd(n.getId()).exec(); } catch (RuntimeException ignored) { /* gone */ }
        }
    }
}
