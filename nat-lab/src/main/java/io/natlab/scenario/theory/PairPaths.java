package io.natlab.scenario.theory;

import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.List;
import java.util.Optional;

/**
 * Where two punching peers sit relative to each other.
 *
 * @param first     the first peer's path up to (not including) the NAT both share, innermost first
 * @param second    the second peer's path, likewise
 * @param sameSite  both peers are on the same LAN: their private endpoints reach each other without any NAT
 * @param sharedNat the innermost NAT both paths go through when they are on different LANs behind it (e.g. a
 *                  carrier-grade NAT), empty when their paths meet only on the internet
 */
public record PairPaths(NatPath first, NatPath second, boolean sameSite, Optional<NatLayer> sharedNat) {

    /** Resolves both peers' paths in a validated topology. */
    public static PairPaths of(Topology topology, String firstPeer, String secondPeer) {
        List<Site> a = topology.natPath(firstPeer);
        List<Site> b = topology.natPath(secondPeer);
        for (int i = 0; i < a.size(); i++) {
            int j = indexOf(b, a.get(i).name());
            if (j >= 0) {
                return new PairPaths(toPath(a.subList(0, i)), toPath(b.subList(0, j)), i == 0 && j == 0,
                    Optional.of(NatLayer.of(a.get(i))));
            }
        }
        return new PairPaths(toPath(a), toPath(b), false, Optional.empty());
    }

    /** Two peers whose paths meet only on the internet. */
    public static PairPaths separate(NatPath first, NatPath second) {
        return new PairPaths(first, second, false, Optional.empty());
    }

    /** The pair with roles swapped. */
    public PairPaths swapped() { return new PairPaths(second, first, sameSite, sharedNat); }

    private static int indexOf(List<Site> path, String name) {
        for (int j = 0; j < path.size(); j++) if (path.get(j).name().equals(name)) return j;
        return -1;
    }

    private static NatPath toPath(List<Site> sites) {
        return new NatPath(sites.stream().map(NatLayer::of).toList());
    }
}
