package io.natlab.lab;

import io.natlab.topology.NatPreset;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import io.natlab.topology.UnsolicitedPolicy;

import java.time.Duration;
import java.util.Map;

/** Topologies built in Java for lab tests (no YAML involved). */
final class TestTopologies {
    private TestTopologies() {}

    static Site site(String name, NatPreset preset, String behind, String... peers) {
        return Site.builder(name).preset(preset).behind(behind).peers(peers).build();
    }

    /** Two port-restricted-cone homes with one peer each (home-b with short conntrack timeouts), plus a public peer. */
    static Topology twoSites() {
        RouterOptions shortTimeouts = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ZERO, Duration.ZERO,
            Map.of("syn_sent", 30, "established", 600));
        return Topology.builder("two-prc")
            .site(site("home-a", NatPreset.PORT_RESTRICTED_CONE, null, "alice"))
            .site(Site.builder("home-b").preset(NatPreset.PORT_RESTRICTED_CONE).router(shortTimeouts).peers("bob"))
            .publicPeers("carol").build();
    }

    /** Two homes behind one carrier-grade NAT. */
    static Topology nested() {
        return Topology.builder("homes-behind-cgn")
            .site(site("cgn", NatPreset.PORT_RESTRICTED_CONE, null))
            .site(site("home-1", NatPreset.PORT_RESTRICTED_CONE, "cgn", "h1"))
            .site(site("home-2", NatPreset.PORT_RESTRICTED_CONE, "cgn", "h2"))
            .build();
    }

    /** The rendezvous server behind its own NAT ("dc"), a home peer and a public peer reaching it through dc's WAN. */
    static Topology rendezvousInSite() {
        return Topology.builder("rendezvous-in-dc")
            .site(site("dc", NatPreset.PORT_RESTRICTED_CONE, null))
            .site(site("home-a", NatPreset.PORT_RESTRICTED_CONE, null, "alice"))
            .publicPeers("carol").rendezvous(new Rendezvous("dc", 7100, null)).build();
    }
}
