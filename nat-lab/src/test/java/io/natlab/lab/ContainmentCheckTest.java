package io.natlab.lab;

import io.natlab.nat.LabGuard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainmentCheckTest {

    @Test
    void routeJudgement() {
        assertThat(ContainmentCheck.judgeRoute("RTNETLINK answers: Network is unreachable", null, false)).isNull();
        assertThat(ContainmentCheck.judgeRoute("RTNETLINK answers: Permission denied", "10.1.1.254", false)).isNull();
        assertThat(ContainmentCheck.judgeRoute("8.8.8.8 via 10.1.1.254 dev eth0 src 10.1.1.10 uid 0\n    cache", "10.1.1.254", false)).isNull();
        assertThat(ContainmentCheck.judgeRoute("8.8.8.8 via 10.1.1.1 dev eth0 src 10.1.1.10 uid 0", "10.1.1.254", false))
            .startsWith("leaves the lab");
        assertThat(ContainmentCheck.judgeRoute("8.8.8.8 via 10.1.1.2540 dev eth0", "10.1.1.254", false)).isNotNull();
        assertThat(ContainmentCheck.judgeRoute("8.8.8.8 via 198.18.0.1 dev eth0", null, false)).isNotNull();
        // Docker's bridge address must be prohibited outright, even though it is on-link.
        assertThat(ContainmentCheck.judgeRoute("10.1.1.1 dev eth0 src 10.1.1.10", null, true)).startsWith("is not prohibited");
        assertThat(ContainmentCheck.judgeRoute("RTNETLINK answers: Permission denied", null, true)).isNull();
    }

    @Test
    void conntrackFlowsMatchOnTheOriginalTupleOnly() {
        String listing = "tcp      6 117 TIME_WAIT src=10.1.1.10 dst=198.18.0.2 sport=40000 dport=7000 src=198.18.0.2 dst=198.18.0.100 sport=7000 dport=40000 [ASSURED] mark=0 use=1\n";
        assertThat(ContainmentCheck.tracked(listing, "10.1.1.10", 7000)).isTrue();
        assertThat(ContainmentCheck.tracked(listing, "198.18.0.2", 7000)).isFalse();
        assertThat(ContainmentCheck.tracked(listing, "10.1.1.10", 700)).isFalse();
        assertThat(ContainmentCheck.tracked("", "10.1.1.10", 7000)).isFalse();
    }

    @Test
    void guardDetection() {
        String guard = LabGuard.nftScript(java.util.List.of(io.natlab.topology.Subnet.parse("10.1.1.0/24")), java.util.List.of("10.1.1.1"));
        assertThat(ContainmentCheck.guardInstalled(guard)).isTrue();
        assertThat(ContainmentCheck.guardInstalled("Error: No such file or directory")).isFalse();
    }

    @Test
    void sectionsSplitOnMarkers() {
        var s = ContainmentCheck.sections("== 8.8.8.8\nRTNETLINK answers: Network is unreachable\n== guard\ntable ip x {\n}\n");
        assertThat(s).containsOnlyKeys("8.8.8.8", "guard");
        assertThat(s.get("8.8.8.8")).contains("unreachable");
    }
}
