package io.natlab.lab;

import io.natlab.topology.Subnet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostNetworkFactsTest {
    // This machine's own table: default via 192.0.2.1, 172.17.0.0/16 on docker0, 192.0.2.0/24 on eth0.
    private static final List<String> ROUTES = List.of(
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
        "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
        "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
        "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0");

    @Test
    void aLabsNetworkIsNamedWithItsLiveOwner() {
        assertThat(HostNetworkFacts.dockerNetwork("bridge", Map.of())).isEqualTo("Docker network 'bridge'");
        assertThat(HostNetworkFacts.dockerNetwork("natlab-ab12cd34-home",
                Map.of(LabLabels.NATLAB, "true", LabLabels.LAB, "ab12cd34", LabLabels.PID, "4242", LabLabels.HOST, "ci-7")))
            .isEqualTo("Docker network 'natlab-ab12cd34-home' of a running nat-lab (pid 4242 on ci-7)");
    }

    @Test
    void routesAndDefaultGateway() {
        assertThat(HostNetworkFacts.parseRoutes(ROUTES)).extracting(TakenRange::subnet)
            .containsExactly(Subnet.parse("172.17.0.0/16"), Subnet.parse("192.0.2.0/24"));
        assertThat(HostNetworkFacts.parseDefaultGateway(ROUTES)).contains("192.0.2.1");
    }

    @Test
    void nameserversAndTcpPeers() {
        assertThat(HostNetworkFacts.parseNameservers(List.of("# x", "nameserver 10.255.255.53", "nameserver ::1", "search lan")))
            .containsExactly("10.255.255.53");
        List<String> tcp = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0200000A:9C40 0A7100CB:01BB 01 00000000:00000000 00:00000000 00000000     0        0 1",
            "   1: 0100007F:1F90 0100007F:A000 01 00000000:00000000 00:00000000 00000000     0        0 2",
            "   2: 0200000A:9C41 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3");
        assertThat(HostNetworkFacts.parseTcpPeers(tcp)).containsExactly("203.0.113.10");
        assertThat(HostNetworkFacts.around("203.0.113.10", "registry").subnet()).isEqualTo(Subnet.parse("203.0.113.0/24"));
    }
}
