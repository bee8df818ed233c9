package io.natlab.scenario.run;

import io.natlab.impl.Implementation;

import io.natlab.result.PairConditions;
import io.natlab.scenario.theory.PairPaths;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.List;

/** Reads a pair's {@link PairConditions} off a validated topology. Pure. */
final class PairConditionsOf {
    private PairConditionsOf() {}

    static PairConditions of(Topology t, String first, String second) {
        return of(t, first, second, Implementation.PUNCH_CORE, Implementation.PUNCH_CORE);
    }

    /** The implementation condition: one name when both sides run the same one, else "first × second". */
    static PairConditions of(Topology t, String first, String second, Implementation firstImpl, Implementation secondImpl) {
        PairPaths paths = PairPaths.of(t, first, second);
        String placement = paths.sameSite() ? PairConditions.SAME_LAN
            : paths.sharedNat().isPresent() ? PairConditions.SHARED_NAT : PairConditions.INTERNET;
        List<Site> a = t.natPath(first), b = t.natPath(second);
        boolean hairpin = a.stream().anyMatch(s -> s.router().hairpin()) || b.stream().anyMatch(s -> s.router().hairpin());
        String impl = firstImpl.name().equals(secondImpl.name()) ? firstImpl.name()
            : firstImpl.name() + " × " + secondImpl.name();
        return new PairConditions(placement, loss(a), loss(b), latencyMs(a), latencyMs(b), hairpin, impl);
    }

    /** A packet crosses every router on the path: it survives only if each one lets it through. */
    static double loss(List<Site> path) {
        double survive = 1;
        for (Site s : path) survive *= 1 - s.router().lossPercent() / 100.0;
        return Math.round((1 - survive) * 1000) / 10.0;
    }

    /** One-way: half the path's added round trip (the latency itself when every router is symmetric). */
    static long latencyMs(List<Site> path) {
        return path.stream().mapToLong(s -> s.router().addedRtt().toMillis()).sum() / 2;
    }
}
