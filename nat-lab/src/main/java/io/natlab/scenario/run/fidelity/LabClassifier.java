package io.natlab.scenario.run.fidelity;

import io.natlab.fidelity.NatClassification;
import io.natlab.fidelity.NatClassifier;
import io.natlab.lab.Lab;

import java.util.List;
import java.util.Map;

/** Measures what a running lab's NAT paths really do; the real classifier in production, fakes in tests. */
@FunctionalInterface
public interface LabClassifier {
    /** Site name -> classification of the path from that site's LAN out to the internet. Resets the lab after. */
    Map<String, NatClassification> classify(Lab lab, List<String> sites);

    /** Plain-tool measurements from the lab's probes ({@link NatClassifier#classifyAll}). */
    LabClassifier MEASURE = NatClassifier::classifyAll;
}
