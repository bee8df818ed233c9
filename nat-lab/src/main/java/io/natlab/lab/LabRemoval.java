package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Removes a lab's containers and networks: the ones it knows of, plus everything carrying its label. */
final class LabRemoval {
    private static final Logger log = LoggerFactory.getLogger(LabRemoval.class);

    private LabRemoval() {}

    /** Removes the given objects and all labelled with {@code labId}; then looks once more, for late arrivals. */
    static void removeAll(DockerClient docker, String labId, List<String> containers, List<String> networks) {
        remove(docker, labId, new LinkedHashSet<>(containers), new LinkedHashSet<>(networks));
        // One more look by label, for anything the daemon finished creating while we were removing.
        remove(docker, labId, new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    private static void remove(DockerClient docker, String labId, Set<String> containers, Set<String> networks) {
        Map<String, String> mine = Map.of(LabLabels.LAB, labId);
        docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec().forEach(c -> containers.add(c.getId()));
        docker.listNetworksCmd().withFilter("label", List.of(LabLabels.LAB + "=" + labId)).exec().forEach(n -> networks.add(n.getId()));
        containers.parallelStream().forEach(cid -> {
            try { docker.removeContainerCmd(cid).withForce(true).withRemoveVolumes(true).exec(); }
            catch (RuntimeException e) { if (!String.valueOf(e.getMessage()).contains("No such container")) log.warn("removing container {}: {}", cid, e.getMessage()); }
        });
        for (String nid : networks) {
            try { docker.removeNetworkCmd(nid).exec(); }
            catch (RuntimeException e) { if (!String.valueOf(e.getMessage()).contains("not found")) log.warn("removing network {}: {}", nid, e.getMessage()); }
        }
    }
}
