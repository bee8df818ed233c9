package io.natlab.scenario.theory;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.UnsolicitedPolicy;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The NAT routers between a peer and the far side, innermost first; empty for a public peer.
 * Composition (nested NAT): mapping is endpoint-independent only when every layer is (EIM∘EIM = EIM, any
 * APDM layer makes the path APDM); filtering is the strictest layer's; the unsolicited-SYN reply is the most
 * harmful layer's (rst &gt; icmp &gt; drop), since whichever layer rejects an early SYN answers it.
 */
public record NatPath(List<NatLayer> layers) {

    public NatPath { layers = List.copyOf(layers); }

    public static final NatPath PUBLIC = new NatPath(List.of());

    public boolean isPublic() { return layers.isEmpty(); }

    public Mapping mapping() {
        return layers.stream().allMatch(l -> l.mapping() == Mapping.ENDPOINT_INDEPENDENT)
            ? Mapping.ENDPOINT_INDEPENDENT : Mapping.ADDRESS_AND_PORT_DEPENDENT;
    }

    public boolean endpointIndependent() { return mapping() == Mapping.ENDPOINT_INDEPENDENT; }
    public boolean symmetric() { return !endpointIndependent(); }

    /**
     * Whether port prediction can find this path's next mapping: one NAT layer, endpoint-dependent with
     * sequential ports (a nested path's layers each add their own unknown offsets).
     */
    public boolean predictable() {
        return layers.size() == 1 && symmetric() && layers.get(0).ports() == PortAssignment.SEQUENTIAL;
    }

    /** Strictest filtering on the path; a public host filters nothing (the kernel decides). */
    public Filtering filtering() {
        return layers.stream().map(NatLayer::filtering).max(Comparator.naturalOrder()).orElse(Filtering.ENDPOINT_INDEPENDENT);
    }

    /** The most harmful unsolicited-SYN reply on the path; a public host has no NAT that could reply (DROP). */
    public UnsolicitedPolicy unsolicited() {
        return layers.stream().map(NatLayer::unsolicited).max(Comparator.comparingInt(NatPath::harm))
            .orElse(UnsolicitedPolicy.DROP);
    }

    /**
     * Whether an early SYN (one arriving before this host sent its own) reaches the host itself instead of being
     * filtered by a NAT: a public host, or a path that filters nothing (full cone DNATs every port to the host).
     * Without a listener the host's kernel answers it with RST.
     */
    public boolean exposedToEarlySyn() { return filtering() == Filtering.ENDPOINT_INDEPENDENT; }

    /** "none" for a public peer, "port-restricted-cone", or "port-restricted-cone behind symmetric" when nested. */
    public String label() {
        return isPublic() ? "none" : layers.stream().map(NatLayer::label).collect(Collectors.joining(" behind "));
    }

    private static int harm(UnsolicitedPolicy p) {
        return switch (p) { case DROP -> 0; case ICMP -> 1; case RST -> 2; };
    }
}
