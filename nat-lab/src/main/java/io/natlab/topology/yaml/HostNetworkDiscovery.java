package io.natlab.topology.yaml;

import io.natlab.topology.Subnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the address ranges this Linux host already uses: its routes ({@code /proc/net/route}), its DNS
 * servers ({@code /etc/resolv.conf}) and extra ranges the user lists in {@code NATLAB_RESERVED}
 * (comma-separated CIDRs, e.g. a registry mirror). Parsing is pure; only {@link #discover()} reads files.
 *
 * <p>Docker bridges ({@code docker0}, {@code br-*}) are skipped: they belong to other running labs, whose
 * networks the lab's allocator avoids at start. Reserving them here would make a file's validity depend on
 * which labs happen to run.
 */
public final class HostNetworkDiscovery {

    public static final String ENV_EXTRA = "NATLAB_RESERVED";

    private static final Pattern DOCKER_BRIDGE = Pattern.compile("docker0|br-.*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private HostNetworkDiscovery() {}

    /** Reads this host's routes and nameservers; missing files (non-Linux) yield nothing. */
    public static List<ReservedRange> discover() {
        List<ReservedRange> found = new ArrayList<>();
        found.addAll(parseRoutes(readOrEmpty(Path.of("/proc/net/route"))));
        found.addAll(parseResolvConf(readOrEmpty(Path.of("/etc/resolv.conf"))));
        found.addAll(parseExtra(System.getenv(ENV_EXTRA)));
        return found;
    }

    /**
     * Routes from {@code /proc/net/route} text: one reservation per non-default route not on a Docker bridge.
     * Destination and mask are little-endian hex.
     */
    public static List<ReservedRange> parseRoutes(String procNetRoute) {
        List<ReservedRange> routes = new ArrayList<>();
        for (String line : procNetRoute.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) continue;
            String iface = f[0];
            if (DOCKER_BRIDGE.matcher(iface).matches()) continue;
            int destination, mask;
            try {
                destination = Integer.reverseBytes((int) Long.parseLong(f[1], 16));
                mask = Integer.reverseBytes((int) Long.parseLong(f[7], 16));
            } catch (NumberFormatException e) {
                continue;
            }
            if (mask == 0) continue; // the default route covers everything; it is not a range in use
            int prefix = Integer.bitCount(mask);
            routes.add(new ReservedRange(new Subnet(destination & mask, prefix), "a route of this host via " + iface));
        }
        return routes;
    }

    /** IPv4 nameservers from {@code /etc/resolv.conf} text, each as a /32. */
    public static List<ReservedRange> parseResolvConf(String resolvConf) {
        List<ReservedRange> servers = new ArrayList<>();
        for (String line : resolvConf.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver") && IPV4.matcher(f[1]).matches()) {
                try {
                    servers.add(new ReservedRange(new Subnet(Subnet.parseAddress(f[1]), 32), "this host's DNS server"));
                } catch (IllegalArgumentException ignored) {
                    // not an address after all; resolv.conf is not ours to validate
                }
            }
        }
        return servers;
    }

    /** Comma- or space-separated CIDRs; a bad entry fails loudly since the user wrote it on purpose. */
    public static List<ReservedRange> parseExtra(String value) {
        List<ReservedRange> extra = new ArrayList<>();
        if (value == null || value.isBlank()) return extra;
        for (String cidr : value.trim().split("[,\\s]+")) {
            try {
                extra.add(new ReservedRange(Subnet.parse(cidr), "listed in " + ENV_EXTRA));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_EXTRA + ": " + e.getMessage(), e);
            }
        }
        return extra;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
