package io.natlab.lab;

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
     * planned one (if any) comes, and each Docker bridge address is made unroutable.
     */
    public static String setupScript(HostPlan host, List<String> ownGateways, Collection<Subnet> labSubnets,
                                     Collection<String> allGateways) {
        StringBuilder s = new StringBuilder();
        s.append("ip route del default 2>/dev/null || true\n");
        if (host.defaultVia() != null) s.append("ip route add default via ").append(host.defaultVia()).append('\n');
        for (String gw : ownGateways) s.append("ip route replace prohibit ").append(gw).append("/32\n");
        s.append("nft -f - <<'NFT'\n").append(nftScript(labSubnets, allGateways)).append("NFT\n");
        return s.toString();
    }
}
