package io.natlab.scenario.theory;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.Site;
import io.natlab.topology.UnsolicitedPolicy;

/**
 * One NAT router on a peer's way to the internet, reduced to what the theory looks at.
 *
 * @param site        the site (router) name
 * @param preset      the preset as written (for labels)
 * @param mapping     mapping behaviour
 * @param ports       port assignment
 * @param filtering   filtering behaviour
 * @param unsolicited reply to an unsolicited inbound SYN
 * @param hairpin     whether the router hairpins LAN traffic sent to its own public address
 */
public record NatLayer(String site, String preset, Mapping mapping, PortAssignment ports, Filtering filtering,
                       UnsolicitedPolicy unsolicited, boolean hairpin) {

    public static NatLayer of(Site s) {
        return new NatLayer(s.name(), s.preset().yamlName(), s.nat().mapping(), s.nat().portAssignment(),
            s.nat().filtering(), s.router().unsolicited(), s.router().hairpin());
    }

    /** The preset name, or the axes when they were overridden away from the preset. */
    public String label() {
        String named = switch (preset) {
            case "full-cone" -> matches(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT) ? preset : null;
            case "restricted-cone" -> matches(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT) ? preset : null;
            case "port-restricted-cone" -> matches(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT) ? preset : null;
            case "symmetric", "symmetric-sequential" -> mapping == Mapping.ADDRESS_AND_PORT_DEPENDENT ? preset : null;
            default -> null;
        };
        return named != null ? named : (mapping == Mapping.ENDPOINT_INDEPENDENT ? "EIM" : "APDM") + "+" + shortName(filtering);
    }

    private boolean matches(Mapping m, Filtering f) { return mapping == m && filtering == f; }

    static String shortName(Filtering f) {
        return switch (f) {
            case ENDPOINT_INDEPENDENT -> "EIF";
            case ADDRESS_DEPENDENT -> "ADF";
            case ADDRESS_AND_PORT_DEPENDENT -> "APDF";
        };
    }
}
