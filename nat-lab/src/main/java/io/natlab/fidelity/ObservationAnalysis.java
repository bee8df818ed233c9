package io.natlab.fidelity;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.PortAssignment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns raw observations into a classification (pure). */
public final class ObservationAnalysis {
    private ObservationAnalysis() {}

    public static NatClassification classify(NatObservations o) {
        List<String> evidence = new ArrayList<>(o.evidence());
        List<ObservedFlow> flows = o.flows();
        flows.forEach(f -> evidence.add("flow " + f));
        flows.stream().filter(f -> f.ok() && !f.publicIp().equals(o.expectedPublicIp())).forEach(f ->
            evidence.add("WARNING: " + f + " but the outermost router's address is " + o.expectedPublicIp()));

        Mapping mapping = null;
        PortAssignment assignment = null;
        Integer delta = null;
        if (flows.stream().allMatch(ObservedFlow::ok)) {
            List<ObservedFlow> same = flows.subList(0, NatObservations.SAME_LOCAL_PORT_FLOWS);
            Set<Integer> ports = new LinkedHashSet<>();
            same.forEach(f -> ports.add(f.publicPort()));
            mapping = ports.size() == 1 ? Mapping.ENDPOINT_INDEPENDENT : Mapping.ADDRESS_AND_PORT_DEPENDENT;
            if (ports.size() > 1 && same.get(0).publicPort() == same.get(1).publicPort())
                evidence.add("one local port kept its public port towards another port of the same server but not towards "
                    + "another server: address-dependent mapping (reported as address-and-port-dependent)");

            // New mappings in creation order: with EIM only a fresh local port makes one.
            List<ObservedFlow> fresh = new ArrayList<>();
            for (int i = 0; i < flows.size(); i++)
                if (mapping == Mapping.ADDRESS_AND_PORT_DEPENDENT || i == 0 || i >= NatObservations.SAME_LOCAL_PORT_FLOWS) fresh.add(flows.get(i));
            if (fresh.stream().allMatch(f -> f.publicPort() == f.localPort())) {
                assignment = PortAssignment.PRESERVING;
            } else {
                Integer step = constantStep(fresh);
                if (step != null) { assignment = PortAssignment.SEQUENTIAL; delta = step; }
                else assignment = PortAssignment.RANDOM;
            }
            evidence.add("new public ports in order: " + fresh.stream().map(f -> String.valueOf(f.publicPort())).toList());
        } else {
            evidence.add("some outbound flows failed: mapping and port assignment not measurable");
        }

        Filtering filtering = o.probe2In() ? Filtering.ENDPOINT_INDEPENDENT
            : o.probe1OtherPortIn() ? Filtering.ADDRESS_DEPENDENT : Filtering.ADDRESS_AND_PORT_DEPENDENT;
        if (o.probe2In() && !o.probe1OtherPortIn())
            evidence.add("WARNING: probe-2 got in but probe-1 from another port did not; classified as endpoint-independent");
        return new NatClassification(mapping, assignment, delta, filtering, o.unsolicitedReply(), o.hairpin(), evidence);
    }

    /**
     * The NAT's port step if the ports advance by one, else {@code null}. The router's counter is global, so a flow
     * that slips in between (another probe, a retried connect) leaves a gap of a few steps: the step is the smallest
     * difference, and every difference must be a positive multiple of it, at most {@link #MAX_GAP} steps, with most
     * differences exactly one step. Random ports essentially never look like that.
     */
    static Integer constantStep(List<ObservedFlow> flows) {
        if (flows.size() < 3) return null;
        List<Integer> diffs = new ArrayList<>();
        for (int i = 1; i < flows.size(); i++) diffs.add(flows.get(i).publicPort() - flows.get(i - 1).publicPort());
        int step = diffs.stream().mapToInt(Integer::intValue).min().orElseThrow();
        if (step <= 0) return null;
        long exact = diffs.stream().filter(d -> d == step).count();
        boolean regular = diffs.stream().allMatch(d -> d % step == 0 && d / step <= MAX_GAP);
        return regular && exact * 2 > diffs.size() ? step : null;
    }

    /** The most steps one difference may span (flows interleaved by others) and still count as sequential. */
    static final int MAX_GAP = 3;

}
