package io.natlab.hostnet;

import io.natlab.topology.Subnet;
import io.natlab.topology.yaml.ReservedRanges;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostNetworkDiscoveryTest {

    // Captured from a host with another lab's bridge up; destinations and masks are little-endian hex.
    private static final String ROUTES = """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
        docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
        br-3f2a9c\t000712C6\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
        eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
        wg0\t0000080A\t00000000\t0001\t0\t0\t0\t0000F8FF\t0\t0\t0
        """;

    @Test
    void keepsHostRoutesButNotTheDefaultRouteOrDockerBridges() {
        List<ReservedRange> routes = HostNetworkDiscovery.parseRoutes(ROUTES);
        assertThat(routes).extracting(r -> r.subnet().toString()).containsExactly("192.0.2.0/24", "10.8.0.0/13");
        assertThat(routes.get(0).reason()).isEqualTo("a route of this host via eth0");
    }

    @Test
    void readsIpv4NameserversAsHostRanges() {
        List<ReservedRange> dns = HostNetworkDiscovery.parseResolvConf("""
            # generated
            search example.org
            nameserver 10.255.255.53
            nameserver fe80::1
            options ndots:1
            """);
        // The lab and validation share one rule: the /24 around a DNS server (such hosts have neighbours).
        assertThat(dns).extracting(ReservedRange::subnet).containsExactly(Subnet.parse("10.255.255.0/24"));
        assertThat(HostNetworkDiscovery.parseNameservers("# x\nnameserver 10.255.255.53\nnameserver ::1\nsearch lan\n"))
            .containsExactly("10.255.255.53");
    }

    @Test
    void defaultGatewayTcpPeersAndTheNeighbourhoodAroundThem() {
        assertThat(HostNetworkDiscovery.parseDefaultGateway(ROUTES)).contains("192.0.2.1");
        String tcp = String.join("\n",
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0200000A:9C40 0A7100CB:01BB 01 00000000:00000000 00:00000000 00000000     0        0 1",
            "   1: 0100007F:1F90 0100007F:A000 01 00000000:00000000 00:00000000 00000000     0        0 2",
            "   2: 0200000A:9C41 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3");
        assertThat(HostNetworkDiscovery.parseTcpPeers(tcp)).containsExactly("203.0.113.10");
        assertThat(HostNetworkDiscovery.around("203.0.113.10", "registry").subnet()).isEqualTo(Subnet.parse("203.0.113.0/24"));
    }

    @Test
    void readsExtraRangesFromTheEnvironmentValue() {
        assertThat(HostNetworkDiscovery.parseExtra("10.1.0.0/16, 10.2.0.0/16")).extracting(r -> r.subnet().toString())
            .containsExactly("10.1.0.0/16", "10.2.0.0/16");
        assertThat(HostNetworkDiscovery.parseExtra(null)).isEmpty();
        assertThatThrownBy(() -> HostNetworkDiscovery.parseExtra("10.1.0.1/16"))
            .hasMessageStartingWith("NATLAB_RESERVED: '10.1.0.1/16' has host bits set");
    }

    @Test
    void fixedReservationsAlwaysCoverTheDocumentedRanges() {
        ReservedRanges fixed = ReservedRanges.fixed();
        for (String cidr : List.of("192.0.2.0/24", "203.0.113.0/24", "10.255.255.0/24", "127.0.0.0/8",
            "169.254.0.0/16", "224.0.0.0/4", "172.17.0.0/16")) {
            assertThat(fixed.conflict(Subnet.parse(cidr))).as(cidr).isPresent();
        }
        assertThat(fixed.conflict(Subnet.parse("10.20.1.0/24"))).isEmpty();
        assertThat(fixed.conflict(Subnet.parse("198.18.0.0/15"))).isEmpty();
        assertThat(fixed.conflict(Subnet.parse("10.0.0.0/8"))).get().extracting(r -> r.subnet().toString())
            .isEqualTo("10.255.255.0/24");
    }

    @Test
    void thisHostAlwaysIncludesTheFixedRanges() {
        assertThat(ReservedRanges.forThisHost().ranges()).containsAll(ReservedRanges.SPECIAL);
    }

    @Test
    void theBuiltInDefaultsCanBeReplacedOrDropped() {
        assertThat(ReservedRanges.defaults(null)).isEqualTo(ReservedRanges.BUILT_IN_DEFAULTS);
        assertThat(ReservedRanges.defaults("none")).isEmpty();
        assertThat(ReservedRanges.defaults("10.1.0.0/16, 192.168.7.0/24")).extracting(r -> r.subnet().toString())
            .containsExactly("10.1.0.0/16", "192.168.7.0/24");
        assertThatThrownBy(() -> ReservedRanges.defaults("10.1.0.1/16"))
            .hasMessageStartingWith("NATLAB_RESERVED_DEFAULTS: '10.1.0.1/16' has host bits set");
    }
}
