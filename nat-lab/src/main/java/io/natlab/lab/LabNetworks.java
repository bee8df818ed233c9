package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Network;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Creates the lab's Docker networks: the internet and one LAN per site, on subnets free on this host. */
final class LabNetworks {
    private final DockerClient docker;
    private final Topology topology;
    private final String labId;
    private final Map<String, String> networkIds = new ConcurrentHashMap<>();

    LabNetworks(DockerClient docker, Topology topology, String labId) {
        this.docker = docker;
        this.topology = topology;
        this.labId = labId;
    }

    /** Docker's id of a created network, by topology network name. */
    String id(String network) { return networkIds.get(network); }

    List<String> ids() { return List.copyOf(networkIds.values()); }

    /** Creates every network (in parallel); returns the subnets actually used, internet first, then sites in order. */
    Map<String, Subnet> create(LabJobs jobs) {
        SubnetAllocator allocator = new SubnetAllocator(DockerNetworkRanges.takenOnThisHost(docker), new SecureRandom());
        Map<String, Subnet> subnets = new ConcurrentHashMap<>(allocator.allocate(topology));
        jobs.forEach(List.copyOf(subnets.keySet()), net -> subnets.put(net, create(net, subnets.get(net), allocator)));
        Map<String, Subnet> ordered = new LinkedHashMap<>();
        ordered.put(SubnetAllocator.INTERNET, subnets.get(SubnetAllocator.INTERNET));
        topology.sites().forEach(s -> ordered.put(s.name(), subnets.get(s.name())));
        return ordered;
    }

    private Subnet create(String net, Subnet subnet, SubnetAllocator allocator) {
        boolean internet = net.equals(SubnetAllocator.INTERNET);
        boolean userChosen = internet ? topology.internet() != null : topology.site(net).orElseThrow().lan() != null;
        for (int attempt = 0; ; attempt++) {
            try {
                Map<String, String> opts = internet ? Map.of()
                    // Routed LANs: the host must never NAT lab traffic out.
                    : Map.of("com.docker.network.bridge.enable_ip_masquerade", "false");
                String nid = docker.createNetworkCmd()
                    .withName(DockerNames.of(labId, net))
                    .withDriver("bridge")
                    // All internet traffic is NATed into its own subnet, so it can be internal (Docker drops the rest).
                    .withInternal(internet)
                    .withOptions(opts)
                    .withCheckDuplicate(true)
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                        .withSubnet(subnet.toString()).withGateway(subnet.host(1))))
                    .withLabels(LabLabels.forLab(labId))
                    .exec().getId();
                networkIds.put(net, nid);
                return subnet;
            } catch (DockerException e) {
                boolean overlap = String.valueOf(e.getMessage()).toLowerCase().contains("overlap");
                if (!overlap) throw new LabStartException("creating network " + net + " (" + subnet + ") failed: " + e.getMessage(), e);
                if (userChosen) throw new LabStartException((internet ? "topology.internet.subnet" : "site " + net + " lan")
                    + ": " + subnet + " overlaps a Docker network created meanwhile; choose another subnet");
                if (attempt >= 20) throw new LabStartException("no free subnet for network " + net + " after 20 attempts");
                // Another lab took it between our look-up and now: pick again.
                allocator.markTaken(subnet, "a network created meanwhile");
                subnet = internet ? allocator.pick(SubnetPool.INTERNET, net)
                    : allocator.pick(SubnetAllocator.poolFor(topology, topology.site(net).orElseThrow()), net);
            }
        }
    }
}
