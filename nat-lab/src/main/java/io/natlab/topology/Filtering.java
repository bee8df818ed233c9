package io.natlab.topology;

/** RFC 4787 filtering behaviour: who may send in through an existing mapping. */
public enum Filtering {
    /** Anyone (EIF, full cone). */
    ENDPOINT_INDEPENDENT("endpoint-independent"),
    /** Only addresses the inside host has contacted (ADF, restricted cone). */
    ADDRESS_DEPENDENT("address-dependent"),
    /** Only the exact ip:port contacted (APDF, port-restricted cone; plain conntrack). */
    ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent");

    private final String yamlName;
    Filtering(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
