package io.natlab.nat;

import io.natlab.topology.Subnet;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lab's own containment guard, installed in every container independently of the NAT rules: an nftables
 * table that drops any packet sent or forwarded to an address outside the lab's subnets, and anything to Docker's
 * bridge addresses (the way out to the host). A separate table, so NAT rule changes cannot remove it.
 */
public final class LabGuard {
    public static final String TABLE = "natlab_guard";

    private LabGuard() {}

    /** nft script (for {@code nft -f -}) for a lab with these subnets and Docker bridge addresses. */
    public static String nftScript(Collection<Subnet> labSubnets, Collection<String> dockerGateways) {
        String lab = labSubnets.stream().map(Subnet::toString).sorted().collect(Collectors.joining(", "));
        String gws = dockerGateways.stream().sorted().collect(Collectors.joining(", "));
        return String.join("\n",
            "table ip " + TABLE + " {",
            "  set lab { type ipv4_addr; flags interval; elements = { " + lab + " } }",
            "  set docker_gw { type ipv4_addr; elements = { " + gws + " } }",
            "  chain guard_output {",
            "    type filter hook output priority 0; policy accept;",
            "    oif \"lo\" accept",
            "    ip daddr @docker_gw counter drop comment \"natlab: never to the Docker host\"",
            "    ip daddr != @lab counter drop comment \"natlab: drop outside topology\"",
            "  }",
            "  chain guard_forward {",
            "    type filter hook forward priority 0; policy accept;",
            "    ip daddr @docker_gw counter drop comment \"natlab: never to the Docker host\"",
            "    ip daddr != @lab counter drop comment \"natlab: drop outside topology\"",
            "  }",
            "}",
            "");
    }

    /**
     * Shell script that sets a container's routes and installs the guard: Docker's default route goes, the
     * planned one ({@code defaultVia}, if any) comes, and each of the container's own Docker bridge addresses is
     * made unroutable.
     */
    public static String setupScript(String defaultVia, List<String> ownGateways, Collection<Subnet> labSubnets,
                                     Collection<String> allGateways) {
        ShellScript s = new ShellScript();
        s.cmd("ip route del default 2>/dev/null || true");
        if (defaultVia != null) s.cmd("ip route add default via " + address(defaultVia));
        for (String gw : ownGateways) s.cmd("ip route replace prohibit " + address(gw) + "/32");
        s.heredoc("nft -f -", nftScript(labSubnets, allGateways));
        return s.render();
    }

    /** Addresses come from the lab's own plan; refuse anything else before it reaches a shell. */
    private static String address(String ip) {
        if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) throw new IllegalArgumentException("not an IPv4 address: " + ip);
        return ip;
    }
}
