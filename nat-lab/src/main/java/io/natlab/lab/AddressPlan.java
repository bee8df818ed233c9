package io.natlab.lab;

import io.natlab.topology.Rendezvous;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which address every lab container gets on which network (pure). Docker's bridge takes the first host address
 * (.1) of every network, so nobody else uses it. On a /24 or larger: services .2-.4 (rendezvous, probes),
 * peers from .10, routers' WAN sides from .100, and each site's router the last usable address of its LAN
 * (.254). Smaller networks are filled in order from .2.
 */
public final class AddressPlan {
    public static final String PROBE_1 = "probe-1";
    public static final String PROBE_2 = "probe-2";

    private final Topology topology;
    private final Map<String, Subnet> subnets;
    private final Map<String, HostPlan> hosts = new LinkedHashMap<>();

    private AddressPlan(Topology topology, Map<String, Subnet> subnets) {
        this.topology = topology;
        this.subnets = Map.copyOf(subnets);
    }

    /** @param subnets network name ({@code internet} or site name) to subnet, for every network */
    public static AddressPlan of(Topology topology, Map<String, Subnet> subnets) {
        AddressPlan plan = new AddressPlan(topology, subnets);
        plan.assign();
        return plan;
    }

    public Map<String, Subnet> subnets() { return subnets; }
    public Topology topology() { return topology; }
    public List<HostPlan> hosts() { return List.copyOf(hosts.values()); }
    public HostPlan host(String name) {
        HostPlan h = hosts.get(name);
        if (h == null) throw new IllegalArgumentException("no host named '" + name + "' in this lab; hosts: " + hosts.keySet());
        return h;
    }
    public Optional<HostPlan> find(String name) { return Optional.ofNullable(hosts.get(name)); }

    /** The address Docker's bridge holds on a network (lab hosts never route through it). */
    public String dockerGateway(String network) { return subnet(network).host(1); }

    public Subnet subnet(String network) {
        Subnet s = subnets.get(network);
        if (s == null) throw new IllegalArgumentException("no network '" + network + "'");
        return s;
    }

    /** The network a site router's WAN side is on: the internet, or the parent site's LAN. */
    public String wanNetwork(Site site) { return site.behind() == null ? SubnetAllocator.INTERNET : site.behind(); }

    /** The routers a packet from this host crosses on its way to the internet, innermost first. */
    public List<HostPlan> routersOnPathOf(String host) {
        List<HostPlan> path = new ArrayList<>();
        String site = host(host).role() == HostRole.ROUTER ? topology.site(host).orElseThrow().behind() : host(host).site();
        while (site != null) {
            path.add(host(site));
            site = topology.site(site).orElseThrow().behind();
        }
        return path;
    }

    /**
     * An address on {@code network} that no host of this plan uses and Docker does not (its gateway is .1), taken
     * from the top of the router block down: a router's new public address (change-public-ip).
     */
    public String spareAddress(String network) {
        Subnet subnet = subnet(network);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (HostPlan h : hosts.values()) h.attachments().forEach(a -> used.add(a.ip()));
        used.add(dockerGateway(network));
        long top = Math.min(subnet.size() - 3, Block.ROUTER.last);
        for (long n = top; n >= 2; n--) {
            String ip = subnet.host((int) n);
            if (!used.contains(ip)) return ip;
        }
        throw new LabStartException("network '" + network + "' (" + subnet + ") has no spare address for a new public address");
    }

    private void assign() {
        Map<String, Slots> slots = new HashMap<>();
        subnets.forEach((net, subnet) -> slots.put(net, new Slots(net, subnet)));
        Slots internet = slots.get(SubnetAllocator.INTERNET);

        Rendezvous rdv = topology.rendezvous() == null ? Rendezvous.defaults() : topology.rendezvous();
        // Routers first: peers' default routes point at them.
        for (Site s : topology.sites()) {
            String wanNet = wanNetwork(s);
            String wanIp = slots.get(wanNet).take(Block.ROUTER, s.name());
            String lanIp = slots.get(s.name()).routerAddress();
            String via = s.behind() == null ? null : slots.get(s.behind()).routerAddress();
            hosts.put(s.name(), new HostPlan(s.name(), HostRole.ROUTER, s.name(), wanNet, wanIp, s.name(), lanIp, via));
        }
        if (rdv.site() == null) {
            hosts.put(Rendezvous.HOST_NAME, new HostPlan(Rendezvous.HOST_NAME, HostRole.RENDEZVOUS, null,
                SubnetAllocator.INTERNET, internet.take(Block.SERVICE, Rendezvous.HOST_NAME), null, null, null));
        } else {
            Slots lan = slots.get(rdv.site());
            hosts.put(Rendezvous.HOST_NAME, new HostPlan(Rendezvous.HOST_NAME, HostRole.RENDEZVOUS, rdv.site(),
                rdv.site(), lan.take(Block.SERVICE, Rendezvous.HOST_NAME), null, null, lan.routerAddress()));
        }
        for (String probe : List.of(PROBE_1, PROBE_2)) {
            hosts.put(probe, new HostPlan(probe, HostRole.PROBE, null, SubnetAllocator.INTERNET,
                internet.take(Block.SERVICE, probe), null, null, null));
        }
        for (String p : topology.publicPeers()) {
            hosts.put(p, new HostPlan(p, HostRole.PUBLIC_PEER, null, SubnetAllocator.INTERNET,
                internet.take(Block.PEER, p), null, null, null));
        }
        for (Site s : topology.sites()) {
            Slots lan = slots.get(s.name());
            for (String p : s.peers()) {
                hosts.put(p, new HostPlan(p, HostRole.PEER, s.name(), s.name(), lan.take(Block.PEER, p),
                    null, null, lan.routerAddress()));
            }
        }
    }

    private enum Block {
        SERVICE(2, 9), PEER(10, 99), ROUTER(100, 253);
        final int first, last;
        Block(int first, int last) { this.first = first; this.last = last; }
    }

    /** Address bookkeeping of one network. */
    private static final class Slots {
        private final String network;
        private final Subnet subnet;
        private final boolean blocks;
        private final Map<Block, Integer> next = new HashMap<>();
        private int sequential = 2;

        Slots(String network, Subnet subnet) {
            this.network = network;
            this.subnet = subnet;
            this.blocks = subnet.size() >= 256;
        }

        /** The site router's LAN address: the last usable one. */
        String routerAddress() { return subnet.host((int) subnet.size() - 2); }

        String take(Block block, String forWhom) {
            int n;
            if (blocks) {
                n = next.getOrDefault(block, block.first);
                if (n > block.last) throw full(forWhom);
                next.put(block, n + 1);
            } else {
                n = sequential++;
                if (n >= subnet.size() - 2) throw full(forWhom);
            }
            return subnet.host(n);
        }

        private LabStartException full(String forWhom) {
            return new LabStartException("network '" + network + "' (" + subnet + ") has no address left for " + forWhom
                + "; use a larger subnet or fewer hosts");
        }
    }
}
