package io.natlab.fidelity;

import io.natlab.topology.UnsolicitedPolicy;

import java.util.List;

/**
 * Raw measurements of one NAT path, before any judgement.
 *
 * @param flows                 outbound flows in the order they were made: the first three share one local port
 *                              (towards probe-1:A, probe-1:B, probe-2:A), the rest use fresh local ports
 * @param expectedPublicIp      the outermost router's WAN address (every flow should be seen from it)
 * @param probe1OtherPortIn     after a flow to probe-1, probe-1 could open a new flow from another port to the mapping
 * @param probe2In              after a flow to probe-1, probe-2 could open a new flow to the mapping
 * @param unsolicitedReply      what came back to an unsolicited SYN: nothing (DROP), RST or ICMP port unreachable
 * @param hairpin               another inside host reached the mapping through the public address; {@code null} when
 *                              not measurable (fewer than two peers on the site's own LAN, or a nested site)
 * @param evidence              human-readable lines describing each observation
 */
public record NatObservations(List<ObservedFlow> flows, String expectedPublicIp, boolean probe1OtherPortIn,
                              boolean probe2In, UnsolicitedPolicy unsolicitedReply, Boolean hairpin,
                              List<String> evidence) {
    public static final int SAME_LOCAL_PORT_FLOWS = 3;

    public NatObservations {
        flows = List.copyOf(flows);
        evidence = List.copyOf(evidence);
        if (flows.size() < SAME_LOCAL_PORT_FLOWS + 2)
            throw new IllegalArgumentException("need at least " + (SAME_LOCAL_PORT_FLOWS + 2) + " flows, got " + flows.size());
    }
}
