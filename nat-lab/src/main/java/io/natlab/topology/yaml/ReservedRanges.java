package io.natlab.topology.yaml;

import io.natlab.hostnet.ReservedRange;
import io.natlab.hostnet.HostNetworkDiscovery;

import io.natlab.topology.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Address ranges no lab network may overlap: a Docker network adds a host route that would shadow them and
 * cut the machine off (its own LAN, DNS, package registries) or clash with special-purpose addresses.
 * Pure: the host-specific part comes from {@link HostNetworkDiscovery}.
 */
public record ReservedRanges(List<ReservedRange> ranges) {

    /** Always reserved, whatever the host's routes say. */
    public static final List<ReservedRange> FIXED = List.of(
        new ReservedRange(Subnet.parse("192.0.2.0/24"), "the Docker host's own network"),
        new ReservedRange(Subnet.parse("203.0.113.0/24"), "the package registries the host reaches"),
        new ReservedRange(Subnet.parse("10.255.255.0/24"), "the host's DNS servers"),
        new ReservedRange(Subnet.parse("0.0.0.0/8"), "'this network'"),
        new ReservedRange(Subnet.parse("127.0.0.0/8"), "loopback"),
        new ReservedRange(Subnet.parse("169.254.0.0/16"), "link-local"),
        new ReservedRange(Subnet.parse("224.0.0.0/4"), "multicast"),
        new ReservedRange(Subnet.parse("240.0.0.0/4"), "reserved (class E)"),
        new ReservedRange(Subnet.parse("172.17.0.0/16"), "Docker's default bridge"));

    public ReservedRanges { ranges = List.copyOf(ranges); }

    /** Only the fixed reservations: deterministic, for tests and for validating files meant for other hosts. */
    public static ReservedRanges fixed() { return new ReservedRanges(FIXED); }

    /** The fixed reservations plus {@code extra}. */
    public static ReservedRanges fixedPlus(List<ReservedRange> extra) {
        List<ReservedRange> all = new ArrayList<>(FIXED);
        all.addAll(extra);
        return new ReservedRanges(all);
    }

    /** The fixed reservations plus this host's routes, nameservers and {@code NATLAB_RESERVED} ranges. */
    public static ReservedRanges forThisHost() { return fixedPlus(HostNetworkDiscovery.discover()); }

    /** The first reservation {@code subnet} overlaps, if any. */
    public Optional<ReservedRange> conflict(Subnet subnet) {
        return ranges.stream().filter(r -> r.subnet().overlaps(subnet)).findFirst();
    }
}
