package io.natlab.lab;

import io.natlab.nat.PortForward;
import io.natlab.topology.Rendezvous;

import java.util.List;

/**
 * When the rendezvous server lives on a site's LAN, every router between it and the internet forwards its port
 * inwards (pure: says which {@link PortForward} each router needs; the rule compiler writes the rules). Clients
 * then dial the outermost router. Peers on the same LAN would need hairpinning to use that address; they are not special-cased.
 */
public final class RendezvousForward {
    private RendezvousForward() {}

    /**
     * Refuses placements that would need hairpinning: a peer that shares a router with the rendezvous server
     * would have to reach it through that router's own public address.
     */
    public static void checkReachable(AddressPlan plan, Rendezvous rendezvous) {
        if (rendezvous.site() == null) return;
        List<String> serverPath = plan.routersOnPathOf(Rendezvous.HOST_NAME).stream().map(HostPlan::name).toList();
        for (String peer : plan.topology().allPeers()) {
            List<String> shared = plan.routersOnPathOf(peer).stream().map(HostPlan::name).filter(serverPath::contains).toList();
            if (!shared.isEmpty())
                throw new LabStartException("topology.rendezvous.site: peer " + peer + " sits behind router " + shared.get(0)
                    + " like the rendezvous server in site " + rendezvous.site() + ", so it could reach the server only by "
                    + "hairpinning; put the rendezvous server on the internet (the default) or in a site without such peers");
        }
    }

    /** The port forward {@code router} needs (none when it is not on the rendezvous server's path). */
    public static List<PortForward> forwards(AddressPlan plan, Rendezvous rendezvous, HostPlan router) {
        if (rendezvous.site() == null) return List.of();
        List<HostPlan> path = plan.routersOnPathOf(Rendezvous.HOST_NAME);
        int i = path.stream().map(HostPlan::name).toList().indexOf(router.name());
        if (i < 0) return List.of();
        String target = i == 0 ? plan.host(Rendezvous.HOST_NAME).ip() : path.get(i - 1).ip();
        return List.of(new PortForward(rendezvous.port(), target));
    }
}
