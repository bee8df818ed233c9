package io.natlab.lab;

import io.natlab.topology.NatPreset;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.yaml.SourceRef;
import io.natlab.topology.Topology;

import io.natlab.topology.UnsolicitedPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Topologies built in Java for lab tests (no YAML involved). */
final class TestTopologies {
    private TestTopologies() {}

    static Site site(String name, NatPreset preset, String behind, String... peers) {
        return new Site(name, preset, preset.behaviour(), RouterOptions.defaults(), null, behind, List.of(peers),
            SourceRef.unknown());
    }

    /** Two port-restricted-cone homes with one peer each (home-b with short conntrack timeouts), plus a public peer. */
    static Topology twoSites() {
        RouterOptions shortTimeouts = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ZERO, Duration.ZERO,
            Map.of("syn_sent", 30, "established", 600));
        return new Topology("two-prc", null, null,
            List.of(site("home-a", NatPreset.PORT_RESTRICTED_CONE, null, "alice"),
                    new Site("home-b", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(),
                        shortTimeouts, null, null, List.of("bob"), SourceRef.unknown())),
            List.of("carol"), Rendezvous.defaults());
    }

    /** Two homes behind one carrier-grade NAT. */
    static Topology nested() {
        return new Topology("homes-behind-cgn", null, null,
            List.of(site("cgn", NatPreset.PORT_RESTRICTED_CONE, null),
                    site("home-1", NatPreset.PORT_RESTRICTED_CONE, "cgn", "h1"),
                    site("home-2", NatPreset.PORT_RESTRICTED_CONE, "cgn", "h2")),
            List.of(), Rendezvous.defaults());
    }

    /** The rendezvous server behind its own NAT ("dc"), a home peer and a public peer reaching it through dc's WAN. */
    static Topology rendezvousInSite() {
        return new Topology("rendezvous-in-dc", null, null,
            List.of(site("dc", NatPreset.PORT_RESTRICTED_CONE, null),
                    site("home-a", NatPreset.PORT_RESTRICTED_CONE, null, "alice")),
            List.of("carol"), new Rendezvous("dc", 7100, null));
    }
}
