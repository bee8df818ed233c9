package io.natlab.nat;

import io.natlab.topology.NatBehaviour;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Subnet;

import java.util.List;

/**
 * Everything the rule compiler needs to know about one router, as discovered at lab start.
 *
 * @param siteName    the site (for comments and chain names)
 * @param nat         effective NAT behaviour
 * @param options     router options
 * @param wanIf       WAN interface name (found by subnet)
 * @param wanIp       WAN address (public address of this NAT)
 * @param wanSubnet   the WAN segment (the internet, or the parent site's LAN when nested)
 * @param wanGateway  next hop for everything not on-link ({@code null}: top-level routers, the internet is flat)
 * @param lanIf       LAN interface name (found by subnet)
 * @param lanIp       LAN address (the peers' gateway)
 * @param lan         LAN subnet
 * @param insideHosts LAN addresses of the peers behind this router (full/restricted cone DNAT targets)
 * @param labSubnets  every subnet of the topology: forwarding to anything else is dropped
 * @param portForwards WAN ports this router forwards inwards (the rendezvous server on a LAN); usually none
 */
public record RouterContext(String siteName, NatBehaviour nat, RouterOptions options,
                            String wanIf, String wanIp, Subnet wanSubnet, String wanGateway,
                            String lanIf, String lanIp, Subnet lan,
                            List<String> insideHosts, List<Subnet> labSubnets, List<PortForward> portForwards) {

    public RouterContext {
        insideHosts = List.copyOf(insideHosts);
        labSubnets = List.copyOf(labSubnets);
        portForwards = List.copyOf(portForwards);
    }

    /** A router that forwards no ports. */
    public RouterContext(String siteName, NatBehaviour nat, RouterOptions options,
                         String wanIf, String wanIp, Subnet wanSubnet, String wanGateway,
                         String lanIf, String lanIp, Subnet lan, List<String> insideHosts, List<Subnet> labSubnets) {
        this(siteName, nat, options, wanIf, wanIp, wanSubnet, wanGateway, lanIf, lanIp, lan, insideHosts, labSubnets, List.of());
    }

    public RouterContext withPortForwards(List<PortForward> forwards) {
        return new RouterContext(siteName, nat, options, wanIf, wanIp, wanSubnet, wanGateway, lanIf, lanIp, lan,
            insideHosts, labSubnets, forwards);
    }
}
