package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import io.natlab.hostnet.HostNetworkDiscovery;
import io.natlab.hostnet.ReservedRange;
import io.natlab.topology.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a new lab must not overlap on this Docker host: Docker's networks (other labs' too), plus what
 * {@link HostNetworkDiscovery} finds (the same discovery validation uses) and the peers of the host's open
 * connections at this moment.
 */
public final class DockerNetworkRanges {
    private DockerNetworkRanges() {}

    public static List<ReservedRange> takenOnThisHost(DockerClient docker) {
        List<ReservedRange> taken = new ArrayList<>(dockerNetworks(docker));
        taken.addAll(HostNetworkDiscovery.discover());
        taken.addAll(HostNetworkDiscovery.connectionPeers());
        return taken;
    }

    static List<ReservedRange> dockerNetworks(DockerClient docker) {
        List<ReservedRange> taken = new ArrayList<>();
        for (Network n : docker.listNetworksCmd().exec()) {
            if (n.getIpam() == null || n.getIpam().getConfig() == null) continue;
            for (Network.Ipam.Config c : n.getIpam().getConfig()) {
                if (c.getSubnet() == null || c.getSubnet().contains(":")) continue;
                try { taken.add(new ReservedRange(Subnet.parse(c.getSubnet()), dockerNetwork(n.getName(), n.getLabels()))); }
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
}
