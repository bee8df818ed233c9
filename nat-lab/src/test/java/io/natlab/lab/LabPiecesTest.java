package io.natlab.lab;

import io.natlab.nat.LabGuard;
import io.natlab.nat.ShellScript;

import io.natlab.topology.Subnet;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small pure pieces of the lab edge. */
class LabPiecesTest {

    @Test
    void interfacesAreFoundBySubnetNotByName() {
        String out = """
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            312: eth0@if313    inet 10.70.1.254/24 brd 10.70.1.255 scope global eth0\\       valid_lft forever
            314: eth1@if315    inet 198.18.5.100/24 brd 198.18.5.255 scope global eth1\\       valid_lft forever
            """;
        assertThat(InterfaceTable.onSubnet(out, Subnet.parse("198.18.5.0/24"))).contains("eth1");
        assertThat(InterfaceTable.onSubnet(out, Subnet.parse("10.70.1.0/24"))).contains("eth0");
        assertThat(InterfaceTable.onSubnet(out, Subnet.parse("10.70.2.0/24"))).isEmpty();
    }

    @Test
    void sweeperOnlyTakesAbandonedLabsOfThisMachine() {
        Map<String, String> mine = LabLabels.forLab("abc");
        String host = mine.get(LabLabels.HOST);
        assertThat(LabSweeper.abandoned(mine, host)).as("our own live lab").isFalse();
        Map<String, String> dead = new HashMap<>(mine);
        dead.put(LabLabels.PID, "999999999");
        assertThat(LabSweeper.abandoned(dead, host)).isTrue();
        assertThat(LabSweeper.abandoned(dead, "another-machine")).isFalse();
        Map<String, String> reused = new HashMap<>(mine);
        reused.put(LabLabels.PID_START, "1000");
        assertThat(LabSweeper.abandoned(reused, host)).as("same pid, other process").isTrue();
        assertThat(LabSweeper.abandoned(Map.of(LabLabels.NATLAB, "true"), host)).as("not ours").isFalse();
    }

    @Test
    void labelsCarryTestcontainersSessionOnlyForRyuk() {
        Map<String, String> l = LabLabels.forHost("abc", "alice", HostRole.PEER);
        assertThat(l).containsEntry("natlab", "true").containsEntry("natlab.lab", "abc")
            .containsEntry("natlab.name", "alice").containsEntry("natlab.role", "peer")
            .containsEntry(LabLabels.PID, Long.toString(ProcessHandle.current().pid()));
        // Without Ryuk, Testcontainers' JVM hook would prune the session label, racing ours on Ctrl-C.
        assertThat(l.containsKey("org.testcontainers.sessionId")).as("session label (Ryuk reaps: %s)", LabLabels.ryukReaps())
            .isEqualTo(LabLabels.ryukReaps());
    }

    @Test
    void setupScriptReplacesDefaultRouteAndBlocksDockerGateways() {
        HostPlan alice = new HostPlan("alice", HostRole.PEER, "home-a", "home-a", "10.70.1.10", null, null, "10.70.1.254");
        String s = LabGuard.setupScript(alice.defaultVia(), List.of("10.70.1.1"), List.of(Subnet.parse("10.70.1.0/24")), List.of("10.70.1.1"));
        assertThat(s).contains("ip route del default").contains("ip route add default via 10.70.1.254")
            .contains("ip route replace prohibit 10.70.1.1/32").contains("ip daddr != @lab counter drop");
    }

    @Test
    void shellQuoting() {
        assertThat(ShellScript.join("socat", "TCP-LISTEN:9000,fork", "SYSTEM:echo $X", "it's"))
            .isEqualTo("socat TCP-LISTEN:9000,fork 'SYSTEM:echo $X' 'it'\\''s'");
    }
}
