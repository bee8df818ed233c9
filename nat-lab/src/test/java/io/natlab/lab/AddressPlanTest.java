package io.natlab.lab;

import io.natlab.topology.Subnet;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPlanTest {

    private static Map<String, Subnet> subnets(String... kv) {
        Map<String, Subnet> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], Subnet.parse(kv[i + 1]));
        return m;
    }

    @Test
    void twoSitesGetFixedRolesAndNeverDockersGateway() {
        AddressPlan p = AddressPlan.of(TestTopologies.twoSites(),
            subnets("internet", "198.18.5.0/24", "home-a", "10.70.1.0/24", "home-b", "10.70.2.0/24"));
        assertThat(p.host("rendezvous").ip()).isEqualTo("198.18.5.2");
        assertThat(p.host("probe-1").ip()).isEqualTo("198.18.5.3");
        assertThat(p.host("probe-2").ip()).isEqualTo("198.18.5.4");
        assertThat(p.host("carol").ip()).isEqualTo("198.18.5.10");
        HostPlan a = p.host("home-a");
        assertThat(a.ip()).isEqualTo("198.18.5.100");
        assertThat(a.lanIp()).isEqualTo("10.70.1.254");
        assertThat(a.defaultVia()).isNull();
        assertThat(p.host("home-b").ip()).isEqualTo("198.18.5.101");
        HostPlan alice = p.host("alice");
        assertThat(alice.ip()).isEqualTo("10.70.1.10");
        assertThat(alice.defaultVia()).isEqualTo("10.70.1.254");
        assertThat(p.dockerGateway("home-a")).isEqualTo("10.70.1.1");
        assertThat(p.hosts()).noneMatch(h -> h.attachments().stream().anyMatch(at -> at.ip().endsWith(".1")));
        assertThat(p.routersOnPathOf("alice")).extracting(HostPlan::name).containsExactly("home-a");
        assertThat(p.routersOnPathOf("carol")).isEmpty();
    }

    @Test
    void nestedRoutersSitOnTheParentLanAndRouteViaTheParentRouter() {
        AddressPlan p = AddressPlan.of(TestTopologies.nested(),
            subnets("internet", "198.18.9.0/24", "cgn", "100.64.3.0/24", "home-1", "10.80.1.0/24", "home-2", "10.80.2.0/24"));
        HostPlan cgn = p.host("cgn");
        HostPlan home1 = p.host("home-1");
        assertThat(cgn.ip()).isEqualTo("198.18.9.100");
        assertThat(home1.network()).isEqualTo("cgn");
        assertThat(home1.ip()).isEqualTo("100.64.3.100");
        assertThat(p.host("home-2").ip()).isEqualTo("100.64.3.101");
        assertThat(home1.defaultVia()).isEqualTo("100.64.3.254");
        assertThat(home1.attachments()).extracting(HostPlan.Attachment::network).containsExactly("cgn", "home-1");
        assertThat(p.routersOnPathOf("h1")).extracting(HostPlan::name).containsExactly("home-1", "cgn");
        assertThat(p.routersOnPathOf("home-1")).extracting(HostPlan::name).containsExactly("cgn");
    }

    @Test
    void smallSubnetsAreFilledInOrder() {
        AddressPlan p = AddressPlan.of(TestTopologies.twoSites(),
            subnets("internet", "198.18.5.0/28", "home-a", "10.70.1.0/29", "home-b", "10.70.2.0/29"));
        assertThat(p.host("home-a").lanIp()).isEqualTo("10.70.1.6");
        assertThat(p.host("alice").ip()).isEqualTo("10.70.1.2");
        assertThat(p.hosts()).extracting(HostPlan::ip).doesNotHaveDuplicates();
    }

    @Test
    void rendezvousInASiteIsForwardedByItsRouterButNeverThroughAHairpin() {
        var topo = TestTopologies.rendezvousInSite();
        AddressPlan p = AddressPlan.of(topo,
            subnets("internet", "198.18.5.0/24", "dc", "10.70.9.0/24", "home-a", "10.70.1.0/24"));
        assertThat(p.host("rendezvous").ip()).isEqualTo("10.70.9.2");
        assertThat(p.host("rendezvous").defaultVia()).isEqualTo("10.70.9.254");
        RendezvousForward.checkReachable(p, topo.rendezvous());
        assertThat(p.host("dc").ip()).isEqualTo("198.18.5.100");
        assertThat(RendezvousForward.forwards(p, topo.rendezvous(), p.host("dc")))
            .containsExactly(new io.natlab.nat.PortForward(7100, "10.70.9.2"));
        assertThat(RendezvousForward.forwards(p, topo.rendezvous(), p.host("home-a"))).isEmpty();

        var sameSite = new io.natlab.topology.Topology("x", null, null,
            java.util.List.of(TestTopologies.site("dc", io.natlab.topology.NatPreset.FULL_CONE, null, "dave")),
            java.util.List.of(), new io.natlab.topology.Rendezvous("dc", 7000, null));
        AddressPlan q = AddressPlan.of(sameSite, subnets("internet", "198.18.5.0/24", "dc", "10.70.9.0/24"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RendezvousForward.checkReachable(q, sameSite.rendezvous()))
            .hasMessageContaining("peer dave sits behind router dc").hasMessageContaining("hairpinning");
    }
}
