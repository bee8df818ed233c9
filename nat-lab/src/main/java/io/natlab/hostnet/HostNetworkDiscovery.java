package io.natlab.hostnet;

import io.natlab.topology.Subnet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one discovery of the address ranges this Linux host already uses, for YAML validation and lab start alike:
 * a lab network over any of them would add a host route that shadows it (and could cut the machine off).
 * Parsing is pure; only the no-argument methods read {@code /proc} and {@code /etc}, and missing files (non-Linux)
 * yield nothing.
 *
 * <p>Rules: routes ({@code /proc/net/route}) except the default route and Docker bridges ({@code docker0},
 * {@code br-*}: those are Docker networks, which the lab reads from Docker itself; reserving them here would make a
 * file's validity depend on which labs happen to run); the /24 around each DNS server, proxy and the default
 * gateway (such hosts usually have neighbours); ranges listed in {@code NATLAB_RESERVED}. The peers of the host's
 * open TCP connections ({@link #connectionPeers()}) change from moment to moment, so only the lab consults them.
 */
public final class HostNetworkDiscovery {

    public static final String ENV_EXTRA = "NATLAB_RESERVED";

    private static final Pattern DOCKER_BRIDGE = Pattern.compile("docker0|br-.*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Path ROUTES = Path.of("/proc/net/route");
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final Path TCP = Path.of("/proc/net/tcp");

    private HostNetworkDiscovery() {}

    /** This host's routes, DNS servers, proxies, default gateway and {@code NATLAB_RESERVED} ranges. */
    public static List<ReservedRange> discover() {
        List<ReservedRange> found = new ArrayList<>();
        found.addAll(parseRoutes(read(ROUTES)));
        found.addAll(parseResolvConf(read(RESOLV_CONF)));
        for (String proxy : proxyHosts()) found.add(around(proxy, "the host's proxy " + proxy));
        defaultGateway().ifPresent(gw -> found.add(around(gw, "the host's default gateway " + gw)));
        found.addAll(parseExtra(System.getenv(ENV_EXTRA)));
        return found;
    }

    /** The /24 around each remote address of this host's TCP connections (where it reaches registries, mirrors). */
    public static List<ReservedRange> connectionPeers() {
        return parseTcpPeers(read(TCP)).stream()
            .map(a -> around(a, "an address the host is connected to (" + a + ")")).toList();
    }

    /** The host's default gateway, if it has one. */
    public static Optional<String> defaultGateway() { return parseDefaultGateway(read(ROUTES)); }

    /** The host's IPv4 DNS servers. */
    public static List<String> nameservers() { return parseNameservers(read(RESOLV_CONF)); }

    /**
     * Routes from {@code /proc/net/route} text: one reservation per non-default route not on a Docker bridge.
     * Destination and mask are little-endian hex.
     */
    public static List<ReservedRange> parseRoutes(String procNetRoute) {
        List<ReservedRange> routes = new ArrayList<>();
        for (String[] f : routeFields(procNetRoute)) {
            String iface = f[0];
            if (DOCKER_BRIDGE.matcher(iface).matches()) continue;
            int destination = littleEndian(f[1]);
            int mask = littleEndian(f[7]);
            if (mask == 0) continue; // the default route covers everything; it is not a range in use
            try {
                routes.add(new ReservedRange(new Subnet(destination & mask, Integer.bitCount(mask)), "a route of this host via " + iface));
            } catch (IllegalArgumentException ignored) { /* odd mask */ }
        }
        return routes;
    }

    /** Pure: the default route's gateway in {@code /proc/net/route} text. */
    public static Optional<String> parseDefaultGateway(String procNetRoute) {
        for (String[] f : routeFields(procNetRoute)) {
            if (littleEndian(f[1]) == 0 && littleEndian(f[7]) == 0 && littleEndian(f[2]) != 0)
                return Optional.of(Subnet.render(littleEndian(f[2])));
        }
        return Optional.empty();
    }

    /** The /24 around each IPv4 nameserver of a resolv.conf. */
    public static List<ReservedRange> parseResolvConf(String resolvConf) {
        return parseNameservers(resolvConf).stream().map(ns -> around(ns, "this host's DNS server " + ns)).toList();
    }

    /** Pure: IPv4 nameservers of a resolv.conf. */
    public static List<String> parseNameservers(String resolvConf) {
        List<String> out = new ArrayList<>();
        for (String line : resolvConf.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver") && IPV4.matcher(f[1]).matches()) {
                try { Subnet.parseAddress(f[1]); out.add(f[1]); }
                catch (IllegalArgumentException ignored) { /* not an address after all; resolv.conf is not ours to validate */ }
            }
        }
        return out;
    }

    /** Pure: distinct non-loopback remote addresses in {@code /proc/net/tcp} text (header first). */
    public static List<String> parseTcpPeers(String procNetTcp) {
        List<String> out = new ArrayList<>();
        String[] rows = procNetTcp.split("\n");
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].trim().split("\\s+");
            if (f.length < 3) continue;
            String ip;
            try { ip = Subnet.render(littleEndian(f[2].split(":")[0])); } catch (NumberFormatException e) { continue; }
            if (!ip.startsWith("127.") && !ip.equals("0.0.0.0") && !out.contains(ip)) out.add(ip);
        }
        return out;
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

    /** The /24 around an address: registries and DNS servers usually have neighbours. */
    public static ReservedRange around(String ip, String reason) {
        return new ReservedRange(new Subnet(Subnet.parseAddress(ip) & 0xFFFFFF00, 24), reason);
    }

    static List<String> proxyHosts() {
        List<String> out = new ArrayList<>();
        for (String var : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
            String v = System.getenv(var);
            if (v == null || v.isBlank()) continue;
            try {
                String host = URI.create(v.contains("://") ? v : "http://" + v).getHost();
                if (host != null && IPV4.matcher(host).matches()) out.add(host);
            } catch (IllegalArgumentException ignored) { /* not a URL */ }
        }
        return out;
    }

    private static List<String[]> routeFields(String procNetRoute) {
        List<String[]> out = new ArrayList<>();
        for (String line : procNetRoute.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) continue;
            try { littleEndian(f[1]); littleEndian(f[2]); littleEndian(f[7]); } catch (NumberFormatException e) { continue; }
            out.add(f);
        }
        return out;
    }

    private static int littleEndian(String hex) { return Integer.reverseBytes((int) Long.parseLong(hex, 16)); }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
