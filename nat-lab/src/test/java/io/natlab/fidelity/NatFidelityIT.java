package io.natlab.fidelity;

import io.natlab.lab.DockerLab;
import io.natlab.lab.LabOptions;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fidelity, proved with plain tools: one lab with a site per preset, per unsolicited policy and per hairpin
 * setting; every site's measured behaviour must equal its claim, on every axis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatFidelityIT {
    private DockerLab lab;
    private Topology topology;

    private static Site site(String name, NatPreset preset, NatBehaviour nat, RouterOptions options, String... peers) {
        return Site.builder(name).preset(preset).nat(nat).router(options).peers(peers).build();
    }

    private static RouterOptions opts(UnsolicitedPolicy policy, boolean hairpin) {
        return new RouterOptions(policy, hairpin, 0, Duration.ZERO, Duration.ZERO, Map.of());
    }

    static Topology fidelityTopology() {
        RouterOptions drop = RouterOptions.defaults();
        List<Site> sites = new ArrayList<>();
        for (NatPreset p : List.of(NatPreset.FULL_CONE, NatPreset.RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE,
                                   NatPreset.SYMMETRIC, NatPreset.SYMMETRIC_SEQUENTIAL))
            sites.add(site(p.yamlName(), p, p.behaviour(), drop, p.yamlName() + "-peer"));
        sites.add(site("sequential-delta-3", NatPreset.SYMMETRIC_SEQUENTIAL, NatPreset.SYMMETRIC_SEQUENTIAL.behaviour().withPortDelta(3),
            drop, "delta-peer"));
        sites.add(site("unsolicited-rst", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(),
            opts(UnsolicitedPolicy.RST, false), "rst-peer"));
        sites.add(site("unsolicited-icmp", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(),
            opts(UnsolicitedPolicy.ICMP, false), "icmp-peer"));
        sites.add(site("hairpin-on", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(),
            opts(UnsolicitedPolicy.DROP, true), "hp-on-a", "hp-on-b"));
        sites.add(site("hairpin-off", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(),
            opts(UnsolicitedPolicy.DROP, false), "hp-off-a", "hp-off-b"));
        // Nested: a carrier NAT with no peers of its own, measured through the full-cone home behind it.
        sites.add(site("carrier", NatPreset.PORT_RESTRICTED_CONE, NatPreset.PORT_RESTRICTED_CONE.behaviour(), drop));
        sites.add(Site.builder("home-behind-carrier").preset(NatPreset.FULL_CONE).router(drop).behind("carrier")
            .peers("nested-peer").build());
        return Topology.builder("nat-fidelity").sites(sites).build();
    }

    @BeforeAll
    void start() {
        topology = fidelityTopology();
        long t0 = System.nanoTime();
        lab = DockerLab.start(topology, LabOptions.fromEnvironment());
        System.out.printf("[measure] fidelity lab (%d sites) start: %d ms%n", topology.sites().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void stop() { if (lab != null) lab.close(); }

    @Test @Order(1)
    void everySiteMeasuresAsItClaims() {
        List<String> names = topology.sites().stream().filter(s -> !s.nested() && !s.peers().isEmpty()).map(Site::name).toList();
        long t0 = System.nanoTime();
        Map<String, NatClassification> measured = NatClassifier.classifyAll(lab, names);
        System.out.printf("[measure] classified %d sites in parallel: %d ms%n", names.size(), (System.nanoTime() - t0) / 1_000_000);

        List<String> failures = new ArrayList<>();
        measured.forEach((name, c) -> {
            Site s = topology.site(name).orElseThrow();
            System.out.printf("[fidelity] %-22s %s%n", name, c.summary());
            List<String> mismatches = c.mismatches(s.nat(), s.router());
            if (!mismatches.isEmpty()) failures.add(name + ": " + mismatches + "\n    " + String.join("\n    ", c.evidence()));
        });
        assertThat(failures).as("sites whose measured behaviour differs from the claim").isEmpty();

        // Hairpinning was really measured where two peers share a LAN (nothing skipped).
        assertThat(measured.get("hairpin-on").hairpin()).isTrue();
        assertThat(measured.get("hairpin-off").hairpin()).isFalse();
        assertThat(measured.get("sequential-delta-3").portDelta()).isEqualTo(3);
    }

    @Test @Order(2)
    void aCarrierNatIsMeasuredThroughTheHomeBehindIt() {
        // Path = full cone home -> port-restricted carrier: EIM o EIM = EIM, filtering is the strictest layer's.
        NatClassification c = NatClassifier.classify(lab, "carrier");
        System.out.printf("[fidelity] %-22s %s%n", "carrier (nested path)", c.summary());
        Site carrier = topology.site("carrier").orElseThrow();
        assertThat(c.mismatches(carrier.nat(), carrier.router())).as(String.join("\n", c.evidence())).isEmpty();
        assertThat(c.evidence()).anyMatch(e -> e.contains("[home-behind-carrier, carrier]"));
        assertThat(c.hairpin()).isNull();
    }

    @Test @Order(3)
    void oneClassificationIsFastAndRepeatable() {
        for (String site : List.of("symmetric-sequential", "restricted-cone")) {
            long t0 = System.nanoTime();
            NatClassification c = NatClassifier.classify(lab, site);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[measure] classify(%s) incl. reset: %d ms -> %s%n", site, ms, c.summary());
            Site s = topology.site(site).orElseThrow();
            assertThat(c.mismatches(s.nat(), s.router())).as(String.join("\n", c.evidence())).isEmpty();
        }
    }
}
