package io.natlab.topology;

/**
 * The three RFC 4787 axes of a NAT. {@code portDelta} only matters for {@link PortAssignment#SEQUENTIAL}.
 * A {@code null} behaviour on a {@link Site} is never used: a site with preset {@code none} has no router NAT.
 */
public record NatBehaviour(Mapping mapping, PortAssignment portAssignment, int portDelta, Filtering filtering) {

    public boolean endpointIndependentMapping() { return mapping == Mapping.ENDPOINT_INDEPENDENT; }

    public NatBehaviour withMapping(Mapping m) { return new NatBehaviour(m, portAssignment, portDelta, filtering); }
    public NatBehaviour withPortAssignment(PortAssignment p) { return new NatBehaviour(mapping, p, portDelta, filtering); }
    public NatBehaviour withPortDelta(int d) { return new NatBehaviour(mapping, portAssignment, d, filtering); }
    public NatBehaviour withFiltering(Filtering f) { return new NatBehaviour(mapping, portAssignment, portDelta, f); }
}
