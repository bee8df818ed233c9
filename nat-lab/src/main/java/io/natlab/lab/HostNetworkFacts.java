package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import io.natlab.topology.Subnet;
import io.natlab.topology.yaml.HostNetworkDiscovery;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The address ranges this Docker host already uses: a lab network over any of them would add a host route that
 * shadows it (and could cut the machine off). Read from Docker's networks, the host's routing table, its DNS
 * servers, its proxies, the peers of its open TCP connections (e.g. package registries) and {@code NATLAB_RESERVED}.
 */
public final class HostNetworkFacts {
    private HostNetworkFacts() {}

    public static List<TakenRange> takenRanges(DockerClient docker) {
        List<TakenRange> taken = new ArrayList<>(dockerNetworks(docker));
        taken.addAll(hostRoutes());
        for (String ns : nameservers()) taken.add(around(ns, "the host's DNS server " + ns));
        for (String addr : tcpPeers()) taken.add(around(addr, "an address the host is connected to (" + addr + ")"));
        for (String proxy : proxyHosts()) taken.add(around(proxy, "the host's proxy " + proxy));
        defaultGateway().ifPresent(gw -> taken.add(around(gw, "the host's default gateway " + gw)));
        // Ranges the user reserves by hand (e.g. a registry mirror), shared with the YAML validator.
        for (var r : HostNetworkDiscovery.parseExtra(System.getenv(HostNetworkDiscovery.ENV_EXTRA)))
            taken.add(new TakenRange(r.subnet(), r.reason()));
        return taken;
    }

    static List<TakenRange> dockerNetworks(DockerClient docker) {
        List<TakenRange> taken = new ArrayList<>();
        for (Network n : docker.listNetworksCmd().exec()) {
            if (n.getIpam() == null || n.getIpam().getConfig() == null) continue;
            for (Network.Ipam.Config c : n.getIpam().getConfig()) {
                if (c.getSubnet() == null || c.getSubnet().contains(":")) continue;
                try { taken.add(new TakenRange(Subnet.parse(c.getSubnet()), dockerNetwork(n.getName(), n.getLabels()))); }
                catch (IllegalArgumentException ignored) { /* not IPv4 CIDR */ }
            }
        }
        return taken;
    }

    /**
     * Pure: how an error names a Docker network. A lab's network still there after the sweeper ran belongs to a live
     * run (here or on another machine), so say whose it is: the user then waits for it or picks another subnet.
     */
    static String dockerNetwork(String name, Map<String, String> labels) {
        String what = "Docker network '" + name + "'";
        if (labels == null || labels.get(LabLabels.LAB) == null) return what;
        return what + " of a running nat-lab (pid " + labels.getOrDefault(LabLabels.PID, "?") + " on "
            + labels.getOrDefault(LabLabels.HOST, "?") + ")";
    }

    /** Non-default routes of the host (from /proc/net/route; empty where that is not readable). */
    static List<TakenRange> hostRoutes() { return parseRoutes(lines(Path.of("/proc/net/route"))); }

    /** Pure: non-default routes in {@code /proc/net/route} rows (header first). */
    static List<TakenRange> parseRoutes(List<String> rows) {
        List<TakenRange> taken = new ArrayList<>();
        for (String[] f : routeFields(rows)) {
            int dest = littleEndian(f[1]);
            int mask = littleEndian(f[7]);
            int prefix = Integer.bitCount(mask);
            if (prefix == 0) continue;
            try { taken.add(new TakenRange(new Subnet(dest & mask, prefix), "the host's route via " + f[0])); }
            catch (IllegalArgumentException ignored) { /* odd mask */ }
        }
        return taken;
    }

    public static Optional<String> defaultGateway() { return parseDefaultGateway(lines(Path.of("/proc/net/route"))); }

    /** Pure: the default route's gateway in {@code /proc/net/route} rows. */
    static Optional<String> parseDefaultGateway(List<String> rows) {
        for (String[] f : routeFields(rows)) {
            if (littleEndian(f[1]) == 0 && littleEndian(f[7]) == 0 && littleEndian(f[2]) != 0)
                return Optional.of(Subnet.render(littleEndian(f[2])));
        }
        return Optional.empty();
    }

    public static List<String> nameservers() { return parseNameservers(lines(Path.of("/etc/resolv.conf"))); }

    /** Pure: IPv4 nameservers of a resolv.conf. */
    static List<String> parseNameservers(List<String> resolvConf) {
        List<String> out = new ArrayList<>();
        for (String line : resolvConf) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver") && f[1].matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add(f[1]);
        }
        return out;
    }

    /** Remote IPv4 addresses of this host's TCP connections (where it reaches registries and mirrors). */
    static List<String> tcpPeers() { return parseTcpPeers(lines(Path.of("/proc/net/tcp"))); }

    /** Pure: distinct non-loopback remote addresses in {@code /proc/net/tcp} rows (header first). */
    static List<String> parseTcpPeers(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).trim().split("\\s+");
            if (f.length < 3) continue;
            String ip = Subnet.render(littleEndian(f[2].split(":")[0]));
            if (!ip.startsWith("127.") && !ip.equals("0.0.0.0") && !out.contains(ip)) out.add(ip);
        }
        return out;
    }

    static List<String> proxyHosts() {
        List<String> out = new ArrayList<>();
        for (String var : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
            String v = System.getenv(var);
            if (v == null || v.isBlank()) continue;
            try {
                String host = URI.create(v.contains("://") ? v : "http://" + v).getHost();
                if (host != null && host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add(host);
            } catch (IllegalArgumentException ignored) { /* not a URL */ }
        }
        return out;
    }

    /** The /24 around an address: registries and DNS servers usually have neighbours. */
    static TakenRange around(String ip, String what) {
        return new TakenRange(new Subnet(Subnet.parseAddress(ip) & 0xFFFFFF00, 24), what);
    }

    private static List<String[]> routeFields(List<String> rows) {
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).trim().split("\\s+");
            if (f.length >= 8) out.add(f);
        }
        return out;
    }

    private static int littleEndian(String hex) {
        int v = (int) Long.parseLong(hex, 16);
        return Integer.reverseBytes(v);
    }

    private static List<String> lines(Path p) {
        try { return Files.isReadable(p) ? Files.readAllLines(p) : List.of(); }
        catch (IOException e) { return List.of(); }
    }
}
