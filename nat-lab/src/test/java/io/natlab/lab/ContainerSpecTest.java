package io.natlab.lab;

import io.natlab.topology.Subnet;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerSpecTest {
    private static final LabImages.Images IMAGES = new LabImages.Images("natlab/router:x", "natlab/peer:x");

    private static AddressPlan plan() {
        Map<String, Subnet> s = new LinkedHashMap<>();
        s.put("internet", Subnet.parse("198.18.5.0/24"));
        s.put("home-a", Subnet.parse("10.70.1.0/24"));
        s.put("home-b", Subnet.parse("10.70.2.0/24"));
        return AddressPlan.of(TestTopologies.twoSites(), s);
    }

    @Test
    void aRouterGetsTheSysctlsTheRuleCompilerNames() {
        ContainerSpec homeB = ContainerSpec.of("ab12cd34", TestTopologies.twoSites(), plan().host("home-b"), IMAGES);
        assertThat(homeB.image()).isEqualTo("natlab/router:x");
        assertThat(homeB.command()).containsExactly("sleep", "infinity");
        assertThat(homeB.sysctls()).containsEntry("net.ipv4.ip_forward", "1")
            .containsEntry("net.netfilter.nf_conntrack_tcp_timeout_syn_sent", "30")
            .containsEntry("net.netfilter.nf_conntrack_tcp_timeout_established", "600")
            .containsEntry("net.ipv6.conf.all.disable_ipv6", "1");
        assertThat(homeB.dockerName()).isEqualTo("natlab-ab12cd34-home-b");
        assertThat(homeB.labels()).containsEntry(LabLabels.LAB, "ab12cd34").containsEntry(LabLabels.ROLE, "router");
    }

    @Test
    void peersHaveNoRouterSysctlsAndTheServerRunsPunch() {
        ContainerSpec alice = ContainerSpec.of("ab12cd34", TestTopologies.twoSites(), plan().host("alice"), IMAGES);
        assertThat(alice.image()).isEqualTo("natlab/peer:x");
        assertThat(alice.sysctls()).doesNotContainKey("net.ipv4.ip_forward").containsEntry("net.ipv6.conf.default.disable_ipv6", "1");
        ContainerSpec server = ContainerSpec.of("ab12cd34", TestTopologies.twoSites(), plan().host("rendezvous"), IMAGES);
        assertThat(server.command()).containsExactly("punch", "server", "--port", "7000", "--start-delays",
            "/tmp/natlab-start-delays");
    }
}
