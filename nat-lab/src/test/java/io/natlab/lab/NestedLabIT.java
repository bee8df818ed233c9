package io.natlab.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two homes behind one carrier-grade NAT: traffic from a home crosses both routers. */
class NestedLabIT {
    private static final Duration T = Duration.ofSeconds(15);

    @Test
    void homePeerReachesTheInternetThroughBothRouters() {
        String labId;
        try (DockerLab lab = DockerLab.start(TestTopologies.nested(), LabOptions.fromEnvironment())) {
            labId = lab.id();
            RouterHost cgn = lab.router("cgn");
            RouterHost home1 = lab.router("home-1");
            assertThat(lab.subnets().get("cgn").contains(home1.wanIp())).isTrue();
            assertThat(lab.subnets().get("cgn").toString()).startsWith("100.");
            assertThat(home1.exec(T, "ip", "route", "show", "default").stdout().strip())
                .startsWith("default via " + cgn.lanIp() + " ");

            LabHost rdv = lab.rendezvous();
            rdv.spawn("/tmp/echo.log", "socat", "TCP-LISTEN:9000,reuseaddr,fork", "SYSTEM:echo $SOCAT_PEERADDR");
            await().atMost(T).until(() -> rdv.exec(T, "ss", "-Hltn", "sport = :9000").stdout().contains(":9000"));
            ExecResult seen = lab.host("h1").exec(T, "sh", "-c", "nc -w 5 " + rdv.ip() + " 9000 </dev/null");
            assertThat(seen.stdout().strip()).as("%s", seen).isEqualTo(cgn.wanIp());
            assertThat(home1.conntrack()).contains("src=" + lab.host("h1").ip()).contains("dport=9000");
            assertThat(cgn.conntrack()).contains("src=" + home1.wanIp()).contains("dport=9000");
        }
        assertThat(DockerAvailability.client().listContainersCmd().withShowAll(true)
            .withLabelFilter(java.util.Map.of(LabLabels.LAB, labId)).exec()).isEmpty();
        assertThat(DockerAvailability.client().listNetworksCmd()
            .withFilter("label", List.of(LabLabels.LAB + "=" + labId)).exec()).isEmpty();
    }

    @Test
    void rendezvousBehindItsOwnNatIsReachedThroughAPortForward() {
        try (DockerLab lab = DockerLab.start(TestTopologies.rendezvousInSite(), LabOptions.fromEnvironment())) {
            RouterHost dc = lab.router("dc");
            assertThat(lab.rendezvousEndpoint()).isEqualTo(dc.wanIp() + ":7100");
            // Containment already proved alice's connect crossed home-a; a public peer gets in through the forward too.
            ExecResult carol = lab.host("carol").exec(T, "nc", "-z", "-w", "5", dc.wanIp(), "7100");
            assertThat(carol.ok()).as("%s", carol).isTrue();
            assertThat(dc.conntrack()).contains("src=" + lab.host("carol").ip()).contains("dport=7100");
            // The forward is the compiler's, in the lab's own chains: inspection sees it and a reset keeps it.
            assertThat(dc.ruleset()).contains("-A NATLAB-PREROUTING -d " + dc.wanIp() + "/32 -p tcp -m tcp --dport 7100 -j DNAT")
                .doesNotContain("-A PREROUTING -d " + dc.wanIp());
            lab.reset();
            ExecResult again = lab.host("carol").exec(T, "nc", "-z", "-w", "5", dc.wanIp(), "7100");
            assertThat(again.ok()).as("after reset: %s", again).isTrue();
        }
    }
}
