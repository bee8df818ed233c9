package io.natlab.scenario;

import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;

import java.util.ArrayList;
import java.util.List;

/** Builds topologies in code for unit tests (no YAML). */
public final class TestTopologies {
    private final List<Site> sites = new ArrayList<>();
    private final List<String> publicPeers = new ArrayList<>();

    public static TestTopologies topology() { return new TestTopologies(); }

    public TestTopologies publicPeer(String name) { publicPeers.add(name); return this; }

    public TestTopologies site(String name, NatPreset preset, String... peers) {
        return site(name, preset, UnsolicitedPolicy.DROP, false, null, peers);
    }

    public TestTopologies site(String name, NatPreset preset, UnsolicitedPolicy unsolicited, String... peers) {
        return site(name, preset, unsolicited, false, null, peers);
    }

    public TestTopologies site(String name, NatPreset preset, UnsolicitedPolicy unsolicited, boolean hairpin,
                               String behind, String... peers) {
        RouterOptions o = RouterOptions.defaults();
        o = new RouterOptions(unsolicited, hairpin, o.lossPercent(), o.latency(), o.jitter(), o.conntrackTimeouts());
        sites.add(Site.builder(name).preset(preset).router(o).behind(behind).peers(peers).build());
        return this;
    }

    public Topology build() {
        return Topology.builder("test").sites(sites).publicPeers(publicPeers.toArray(String[]::new)).build();
    }
}
