package io.natlab.lab;

import io.natlab.hostnet.ReservedRange;

import io.natlab.topology.NatPreset;
import io.natlab.topology.Site;
import io.natlab.yaml.SourceRef;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetAllocatorTest {

    private static ReservedRange taken(String cidr, String what) { return new ReservedRange(Subnet.parse(cidr), what); }

    @Test
    void defaultsComeFromTheirPoolsAndAvoidReservedRanges() {
        // Everything of 198.18.0.0/15 but one /24 is taken: the allocator must find that one.
        List<ReservedRange> busy = new ArrayList<>();
        busy.add(taken("198.18.0.0/16", "a"));
        busy.add(taken("198.19.0.0/17", "b"));
        busy.add(taken("198.19.128.0/18", "c"));
        busy.add(taken("198.19.192.0/19", "d"));
        busy.add(taken("198.19.224.0/20", "e"));
        busy.add(taken("198.19.240.0/21", "f"));
        busy.add(taken("198.19.248.0/22", "g"));
        busy.add(taken("198.19.252.0/23", "h"));
        busy.add(taken("198.19.255.0/24", "i"));
        Map<String, Subnet> s = new SubnetAllocator(busy, new Random(7)).allocate(TestTopologies.nested());
        assertThat(s.get("internet")).isEqualTo(Subnet.parse("198.19.254.0/24"));
        assertThat(SubnetPool.CARRIER_LAN.range().contains(s.get("cgn").network())).isTrue();
        assertThat(SubnetPool.LAN.range().contains(s.get("home-1").network())).isTrue();
        assertThat(SubnetPool.LAN.range().contains(s.get("home-2").network())).isTrue();
        assertThat(s.get("home-1")).isNotEqualTo(s.get("home-2"));
        assertThat(s.keySet()).containsExactly("internet", "cgn", "home-1", "home-2");
    }

    @Test
    void manyLabsNeverOverlapEachOther() {
        List<ReservedRange> all = new ArrayList<>();
        for (int lab = 0; lab < 50; lab++) {
            Map<String, Subnet> s = new SubnetAllocator(all, new Random(lab)).allocate(TestTopologies.twoSites());
            for (Subnet n : s.values()) {
                assertThat(all).noneMatch(t -> t.subnet().overlaps(n));
                assertThat(SubnetAllocator.ALWAYS_RESERVED).noneMatch(t -> t.subnet().overlaps(n));
            }
            s.values().forEach(n -> all.add(new ReservedRange(n, "lab")));
        }
    }

    @Test
    void userSubnetOverlappingALiveNetworkIsRefusedNamingBoth() {
        Site home = Site.builder("home-a").preset(NatPreset.PORT_RESTRICTED_CONE).lan(Subnet.parse("172.17.5.0/24"))
            .peers("alice").where(new SourceRef(Path.of("scenarios/x.yaml"), 9, 7)).build();
        Topology t = Topology.builder("x").site(home).build();
        assertThatThrownBy(() -> new SubnetAllocator(List.of(taken("172.17.0.0/16", "Docker network 'bridge'")), new Random(1)).allocate(t))
            .isInstanceOf(LabStartException.class)
            .hasMessageStartingWith("scenarios/x.yaml:9:7: topology.sites[0].lan: 172.17.5.0/24 overlaps Docker network 'bridge' (172.17.0.0/16)");
    }

    @Test
    void userInternetInReservedDocumentationRangeIsRefused() {
        Topology t = Topology.builder("x").internet(Subnet.parse("203.0.113.0/24")).publicPeers("carol").build();
        assertThatThrownBy(() -> new SubnetAllocator(List.of(), new Random(1)).allocate(t))
            .hasMessageContaining("topology.internet.subnet: 203.0.113.0/24 overlaps reserved TEST-NET-3");
    }

    @Test
    void userSubnetsAreKeptAndDefaultsAvoidThem() {
        Topology t = Topology.builder("x").internet(Subnet.parse("198.18.7.0/24"))
            .site(Site.builder("s").preset(NatPreset.SYMMETRIC).lan(Subnet.parse("10.64.0.0/11")).peers("p"))
            .site(TestTopologies.site("t", NatPreset.FULL_CONE, null, "q"))
            .build();
        Map<String, Subnet> s = new SubnetAllocator(List.of(), new Random(3)).allocate(t);
        assertThat(s.get("internet")).isEqualTo(Subnet.parse("198.18.7.0/24"));
        assertThat(s.get("s")).isEqualTo(Subnet.parse("10.64.0.0/11"));
        assertThat(s.get("t").overlaps(s.get("s"))).isFalse();
    }

    @Test
    void tooSmallUserSubnetIsRefused() {
        Topology t = Topology.builder("x").internet(Subnet.parse("198.18.7.0/30")).build();
        assertThatThrownBy(() -> new SubnetAllocator(List.of(), new Random(1)).allocate(t)).hasMessageContaining("too small");
    }
}
