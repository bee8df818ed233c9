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

    /** Special-purpose ranges: reserved on every host. */
    public static final List<ReservedRange> SPECIAL = List.of(
        new ReservedRange(Subnet.parse("0.0.0.0/8"), "'this network'"),
        new ReservedRange(Subnet.parse("127.0.0.0/8"), "loopback"),
        new ReservedRange(Subnet.parse("169.254.0.0/16"), "link-local"),
        new ReservedRange(Subnet.parse("224.0.0.0/4"), "multicast"),
        new ReservedRange(Subnet.parse("240.0.0.0/4"), "reserved (class E)"),
        new ReservedRange(Subnet.parse("172.17.0.0/16"), "Docker's default bridge"));

    /** Replaces {@link #BUILT_IN_DEFAULTS}: comma- or space-separated CIDRs, or {@code none}. */
    public static final String ENV_DEFAULTS = "NATLAB_RESERVED_DEFAULTS";

    /**
     * Built-in defaults, not facts about this host: the host network, registry and DNS ranges of this project's own
     * build machines, reserved so files written there stay valid on them. Other hosts' ranges are detected
     * ({@link HostNetworkDiscovery}); {@value #ENV_DEFAULTS} replaces these.
     */
    public static final List<ReservedRange> BUILT_IN_DEFAULTS = List.of(
        new ReservedRange(Subnet.parse("192.0.2.0/24"), builtIn("the build machines' host network")),
        new ReservedRange(Subnet.parse("203.0.113.0/24"), builtIn("the build machines' package registries")),
        new ReservedRange(Subnet.parse("10.255.255.0/24"), builtIn("the build machines' DNS servers")));

    /** {@link #SPECIAL} and {@link #BUILT_IN_DEFAULTS}: the same on every host. */
    public static final List<ReservedRange> FIXED = concat(SPECIAL, BUILT_IN_DEFAULTS);

    private static String builtIn(String what) {
        return "a built-in default reservation (" + what + "; " + ENV_DEFAULTS + " replaces the defaults)";
    }

    private static List<ReservedRange> concat(List<ReservedRange> a, List<ReservedRange> b) {
        List<ReservedRange> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * The default reservations for a value of {@value #ENV_DEFAULTS}: unset means {@link #BUILT_IN_DEFAULTS},
     * {@code none} (or blank) means no defaults, anything else is the list of CIDRs to use instead.
     */
    public static List<ReservedRange> defaults(String value) {
        if (value == null) return BUILT_IN_DEFAULTS;
        if (value.isBlank() || value.strip().equalsIgnoreCase("none")) return List.of();
        List<ReservedRange> chosen = new ArrayList<>();
        for (String cidr : value.strip().split("[,\\s]+")) {
            try {
                chosen.add(new ReservedRange(Subnet.parse(cidr), "listed in " + ENV_DEFAULTS));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_DEFAULTS + ": " + e.getMessage(), e);
            }
        }
        return chosen;
    }

    public ReservedRanges { ranges = List.copyOf(ranges); }

    /** Only the fixed reservations: deterministic, for tests and for validating files meant for other hosts. */
    public static ReservedRanges fixed() { return new ReservedRanges(FIXED); }

    /** The fixed reservations plus {@code extra}. */
    public static ReservedRanges fixedPlus(List<ReservedRange> extra) {
        List<ReservedRange> all = new ArrayList<>(FIXED);
        all.addAll(extra);
        return new ReservedRanges(all);
    }

    /**
     * The special ranges, the default reservations ({@value #ENV_DEFAULTS} or the built-in ones) and what is detected
     * on this host: its routes, nameservers and {@code NATLAB_RESERVED} ranges.
     */
    public static ReservedRanges forThisHost() {
        List<ReservedRange> all = new ArrayList<>(SPECIAL);
        all.addAll(defaults(System.getenv(ENV_DEFAULTS)));
        all.addAll(HostNetworkDiscovery.discover());
        return new ReservedRanges(all);
    }

    /** The first reservation {@code subnet} overlaps, if any. */
    public Optional<ReservedRange> conflict(Subnet subnet) {
        return ranges.stream().filter(r -> r.subnet().overlaps(subnet)).findFirst();
    }
}
