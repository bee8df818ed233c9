package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/**
 * Removes what killed runs left behind: labs made on this machine whose owning process is gone. A lab whose
 * owner still runs (another lab in parallel) is never touched; neither is one made on another machine.
 */
public final class LabSweeper {
    private static final Logger log = LoggerFactory.getLogger(LabSweeper.class);

    private LabSweeper() {}

    /** @return the ids of the labs removed */
    public static Set<String> sweep(DockerClient docker) {
        String me = LabLabels.hostName();
        Set<String> dead = new TreeSet<>();
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of(LabLabels.NATLAB, "true")).exec();
        for (Container c : containers) if (abandoned(c.getLabels(), me)) dead.add(c.getLabels().get(LabLabels.LAB));
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(LabLabels.NATLAB + "=true")).exec();
        for (Network n : networks) if (abandoned(n.getLabels(), me)) dead.add(n.getLabels().get(LabLabels.LAB));
        for (Container c : containers) {
            if (!dead.contains(Objects.toString(c.getLabels().get(LabLabels.LAB), ""))) continue;
            try { docker.removeContainerCmd(c.getId()).withForce(true).exec(); }
            catch (RuntimeException e) { log.warn("sweeper: removing container {}: {}", c.getId(), e.getMessage()); }
        }
        for (Network n : networks) {
            if (n.getLabels() == null || !dead.contains(Objects.toString(n.getLabels().get(LabLabels.LAB), ""))) continue;
            try { docker.removeNetworkCmd(n.getId()).exec(); }
            catch (RuntimeException e) { log.warn("sweeper: removing network {}: {}", n.getName(), e.getMessage()); }
        }
        if (!dead.isEmpty()) log.info("removed leftovers of abandoned labs {}", dead);
        return dead;
    }

    /** Pure: whether an object with these labels belongs to a lab whose owner is dead on this machine. */
    static boolean abandoned(Map<String, String> labels, String thisHost) {
        if (labels == null || labels.get(LabLabels.LAB) == null) return false;
        if (!thisHost.equals(labels.get(LabLabels.HOST))) return false;
        long pid;
        try { pid = Long.parseLong(labels.getOrDefault(LabLabels.PID, "")); } catch (NumberFormatException e) { return false; }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (owner.isEmpty()) return true;
        String start = labels.get(LabLabels.PID_START);
        long recorded = start == null ? 0 : Long.parseLong(start);
        long actual = LabLabels.startMillis(owner.get());
        // Same pid, different start time: the pid was reused, the owner is gone.
        return recorded != 0 && actual != 0 && Math.abs(recorded - actual) > 1000;
    }
}
