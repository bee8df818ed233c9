package io.natlab.scenario.run;

import io.natlab.lab.Lab;
import io.natlab.topology.Topology;

/** Starts labs; the Docker one in production, fakes in tests. */
@FunctionalInterface
public interface LabFactory {
    Lab start(Topology topology) throws Exception;
}
