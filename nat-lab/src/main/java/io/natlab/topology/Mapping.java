package io.natlab.topology;

/** RFC 4787 mapping behaviour: how the NAT picks the public endpoint for an inside endpoint. */
public enum Mapping {
    /** Same public ip:port towards every destination (EIM). */
    ENDPOINT_INDEPENDENT("endpoint-independent"),
    /** A new public port per destination ip:port (APDM, "symmetric"). */
    ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent");

    private final String yamlName;
    Mapping(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
