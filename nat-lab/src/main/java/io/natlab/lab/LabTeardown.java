package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;

import java.util.List;
import java.util.Map;

/** Another process's view of a lab, by its label: whether any of it is left, and removing all of it. */
public final class LabTeardown {
    private LabTeardown() {}

    /** Whether any container of lab {@code labId} exists (running or not). */
    public static boolean exists(DockerClient docker, String labId) {
        return !docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LabLabels.LAB, labId)).exec().isEmpty();
    }

    /** Removes every container and network labelled with {@code labId}. Idempotent. */
    public static void remove(DockerClient docker, String labId) {
        LabRemoval.removeAll(docker, labId, List.of(), List.of());
    }
}
