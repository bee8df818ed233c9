package io.natlab.topology;

import java.util.Arrays;
import java.util.Optional;

/** The named NAT behaviours of the YAML {@code nat:} key, each a default {@link NatBehaviour}. */
public enum NatPreset {
    NONE("none", null),
    FULL_CONE("full-cone",
        new NatBehaviour(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, 0, Filtering.ENDPOINT_INDEPENDENT)),
    RESTRICTED_CONE("restricted-cone",
        new NatBehaviour(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, 0, Filtering.ADDRESS_DEPENDENT)),
    PORT_RESTRICTED_CONE("port-restricted-cone",
        new NatBehaviour(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, 0, Filtering.ADDRESS_AND_PORT_DEPENDENT)),
    SYMMETRIC("symmetric",
        new NatBehaviour(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.RANDOM, 0, Filtering.ADDRESS_AND_PORT_DEPENDENT)),
    SYMMETRIC_SEQUENTIAL("symmetric-sequential",
        new NatBehaviour(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 1, Filtering.ADDRESS_AND_PORT_DEPENDENT));

    private final String yamlName;
    private final NatBehaviour behaviour;

    NatPreset(String yamlName, NatBehaviour behaviour) { this.yamlName = yamlName; this.behaviour = behaviour; }

    public String yamlName() { return yamlName; }
    /** The preset's behaviour; {@code null} for {@link #NONE}. */
    public NatBehaviour behaviour() { return behaviour; }

    public static Optional<NatPreset> byYamlName(String name) {
        return Arrays.stream(values()).filter(p -> p.yamlName.equals(name)).findFirst();
    }
}
