package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import java.util.List;

import io.natlab.lab.Lab;
import io.natlab.topology.Topology;

/** Starts labs; the Docker one in production, fakes in tests. */
@FunctionalInterface
public interface LabFactory {
    Lab start(Topology topology) throws Exception;

    /** A lab whose peers also carry these implementations under test (docs/peer-contract.md). */
    default Lab start(Topology topology, List<Implementation> implementations) throws Exception {
        return start(topology);
    }
}
