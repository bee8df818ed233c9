package io.natlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one lab container sits.
 *
 * @param name       topology name
 * @param role       what it is for
 * @param site       its site (routers: the site they serve; peers: the site they live in), {@code null} on the internet
 * @param network    the network of its main address: a router's WAN side, everyone else's only network
 * @param ip         its main address (a router's WAN address)
 * @param lanNetwork routers only: the LAN they serve ({@code null} otherwise)
 * @param lanIp      routers only: their LAN address, the peers' gateway
 * @param defaultVia next hop of its default route, or {@code null} for none (the internet is flat)
 */
public record HostPlan(String name, HostRole role, String site, String network, String ip,
                       String lanNetwork, String lanIp, String defaultVia) {

    public record Attachment(String network, String ip) {}

    /** Every network the container joins, main one first. */
    public List<Attachment> attachments() {
        List<Attachment> a = new ArrayList<>();
        a.add(new Attachment(network, ip));
        if (lanNetwork != null) a.add(new Attachment(lanNetwork, lanIp));
        return a;
    }

    public boolean isRouter() { return role == HostRole.ROUTER; }
}
