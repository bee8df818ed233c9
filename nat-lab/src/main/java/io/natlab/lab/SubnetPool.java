package io.natlab.lab;

import io.natlab.topology.Subnet;

/** Where a lab picks default /24 networks from. None of them is routed on the public internet. */
public enum SubnetPool {
    /** The simulated internet: the benchmarking range (RFC 2544). */
    INTERNET(Subnet.parse("198.18.0.0/15")),
    /** Ordinary site LANs: a slice of 10/8 away from the usual 10.0.x and 10.255.x ranges. */
    LAN(Subnet.parse("10.64.0.0/10")),
    /** LANs of carrier sites that other sites sit behind (RFC 6598 shared address space). */
    CARRIER_LAN(Subnet.parse("100.64.0.0/10"));

    private final Subnet range;
    SubnetPool(Subnet range) { this.range = range; }
    public Subnet range() { return range; }
}
