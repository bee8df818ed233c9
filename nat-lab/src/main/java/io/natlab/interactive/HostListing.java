package io.natlab.interactive;

import io.natlab.lab.AddressPlan;
import io.natlab.lab.HostPlan;
import io.natlab.lab.HostRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The hosts of a lab with their addresses (pure), and the text {@code nat-lab up} prints about them. */
public final class HostListing {
    private HostListing() {}

    /** Every host of {@code plan}, peers first, then routers, the rendezvous server and the probes. */
    public static List<LabState.Host> hosts(AddressPlan plan, Map<String, String> containers) {
        List<LabState.Host> out = new ArrayList<>();
        for (HostRole role : List.of(HostRole.PEER, HostRole.PUBLIC_PEER, HostRole.ROUTER, HostRole.RENDEZVOUS, HostRole.PROBE)) {
            for (HostPlan h : plan.hosts()) {
                if (h.role() != role) continue;
                String lan, pub;
                if (h.isRouter()) {
                    lan = h.lanIp();
                    pub = h.ip();
                } else if (h.site() == null) {
                    lan = null;
                    pub = h.ip();
                } else {
                    lan = h.ip();
                    List<HostPlan> path = plan.routersOnPathOf(h.name());
                    pub = path.isEmpty() ? null : path.get(path.size() - 1).ip();
                }
                out.add(new LabState.Host(h.name(), role.name().toLowerCase(Locale.ROOT), h.site(), lan, pub,
                    containers.get(h.name())));
            }
        }
        return out;
    }

    /**
     * The text {@code up} prints: one line per host, then the commands that reach them.
     * @param launcher how the user starts nat-lab, e.g. {@code java -jar /path/nat-lab.jar}
     */
    public static List<String> render(LabState s, String launcher) {
        List<String> lines = new ArrayList<>();
        lines.add("lab " + s.name() + " (id " + s.labId() + ") is up; rendezvous server at " + s.rendezvous());
        lines.add(String.format(Locale.ROOT, "  %-14s %-11s %-12s %-16s %-16s %s", "HOST", "ROLE", "SITE", "LAN", "PUBLIC (WAN)", "CONTAINER"));
        for (LabState.Host h : s.hosts())
            lines.add(String.format(Locale.ROOT, "  %-14s %-11s %-12s %-16s %-16s %s", h.name(), h.role(),
                h.site() == null ? "internet" : h.site(), h.lanIp() == null ? "-" : h.lanIp(),
                h.publicIp() == null ? "-" : h.publicIp(), h.container() == null ? "-" : h.container().substring(0, Math.min(12, h.container().length()))));
        List<String> peers = s.peerNames();
        String a = peers.isEmpty() ? "alice" : peers.get(0), b = peers.size() > 1 ? peers.get(1) : "bob";
        lines.add("reach it from another shell (nat-lab = " + launcher + "):");
        lines.add("  nat-lab exec " + a + " -- ip addr                 # any command in a host (argv, no shell)");
        lines.add("  nat-lab exec " + a + " -- sh -c 'ss -tan'         # through a shell");
        LabState.Host first = s.host(a).orElse(null);
        if (first != null && first.container() != null)
            lines.add("  docker exec -it " + first.container().substring(0, 12) + " bash          # an interactive shell in " + a);
        lines.add("  nat-lab punch " + a + " " + b + (s.implementations().size() > 1
            ? " --impl " + s.implementations().get(1) : "") + "                      # one trial: both results, the evidence paths");
        lines.add("  nat-lab down                                  # removes the lab (as does Ctrl-C here)");
        lines.add("implementations: " + String.join(", ", s.implementations()) + "; evidence goes to " + s.evidence());
        return lines;
    }
}
