package io.natlab.scenario;

import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A pair's configured path RTT: every distinct router on either peer's way out adds its latency in each direction,
 * so RTT = the sum of their up + down latencies (2 x latency when symmetric) (a router both paths share, e.g. a carrier NAT, counts once; peers on one
 * LAN talk directly: 0). Jitter is not included. Pure.
 */
public final class PairRtt {
    private PairRtt() {}

    public static Duration configured(Topology t, String first, String second) {
        if (t.siteOfPeer(first).isPresent() && t.siteOfPeer(first).equals(t.siteOfPeer(second))) return Duration.ZERO;
        Set<Site> routers = new LinkedHashSet<>(t.natPath(first));
        routers.addAll(t.natPath(second));
        return routers.stream().map(s -> s.router().addedRtt()).reduce(Duration.ZERO, Duration::plus);
    }
}
