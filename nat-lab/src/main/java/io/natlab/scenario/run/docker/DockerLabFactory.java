package io.natlab.scenario.run.docker;

import io.natlab.scenario.run.LabFactory;

import io.natlab.lab.DockerLab;
import io.natlab.lab.Lab;
import io.natlab.lab.LabOptions;
import io.natlab.topology.Topology;

/** Real labs: {@link DockerLab} with the given images and punch.jar. */
public record DockerLabFactory(LabOptions options) implements LabFactory {
    @Override public Lab start(Topology topology) {
        return DockerLab.start(topology, options);
    }

    @Override public Lab start(Topology topology, java.util.List<io.natlab.impl.Implementation> implementations) {
        return DockerLab.start(topology, options.withImplementations(implementations));
    }
}
