package io.natlab.scenario.run.control;

import io.natlab.lab.Lab;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.List;

/**
 * The address the rendezvous server (on the internet) would see for a peer, found from the topology alone: a public
 * peer's own address, else the internet-side (WAN) address of the outermost router on its NAT path. The port is the
 * control listener's own: an unsolicited dial creates no mapping on the far side, so only a NAT that sends new inbound
 * flows on any port to the peer (full cone, a port forward) or no NAT at all lets it through on that port.
 */
final class PublicEndpoint {
    private PublicEndpoint() {}

    static String address(Lab lab, String peer) {
        List<Site> path = lab.topology().natPath(peer);
        if (path.isEmpty()) return lab.host(peer).ip();
        return lab.router(outermost(lab.topology(), peer)).wanIp();
    }

    /** The site whose router faces the internet for this peer; the peer must be behind a NAT. */
    static String outermost(Topology topology, String peer) {
        List<Site> path = topology.natPath(peer);
        if (path.isEmpty()) throw new IllegalArgumentException(peer + " is a public peer: no router on its path");
        return path.get(path.size() - 1).name();
    }
}
