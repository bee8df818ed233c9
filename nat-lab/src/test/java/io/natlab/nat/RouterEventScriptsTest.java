package io.natlab.nat;

import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each mid-stream event as commands: only the lab's own chains and table, and a restore that undoes all of them. */
class RouterEventScriptsTest {
    private final RouterContext prc = Contexts.of(NatPreset.PORT_RESTRICTED_CONE);
    private final RouterRules rules = RouterRuleCompiler.compile(prc);

    @Test
    void flushForgetsThisRoutersConntrackOnly() {
        assertThat(RouterEventScripts.flushConntrack(prc)).contains("conntrack -F").doesNotContain("iptables");
    }

    @Test
    void rebootReloadsTheRulesThenForgetsTheState() {
        String s = RouterEventScripts.reboot(prc, rules);
        assertThat(s.indexOf(rules.applyScript())).isGreaterThanOrEqualTo(0)
            .isLessThan(s.indexOf(rules.resetScript()));
        assertThat(s).contains("conntrack -F");
    }

    @Test
    void linkDownDropsTheWanInALabChainAndLinkUpEmptiesIt() {
        String down = RouterEventScripts.linkDown(prc);
        assertThat(down).contains("iptables -A NATLAB-LINKDOWN -i eth1 -j DROP", "iptables -A NATLAB-LINKDOWN -o eth1 -j DROP",
            "iptables -C INPUT -j NATLAB-LINKDOWN 2>/dev/null || iptables -I INPUT 1 -j NATLAB-LINKDOWN",
            "iptables -I FORWARD 1 -j NATLAB-LINKDOWN", "iptables -I OUTPUT 1 -j NATLAB-LINKDOWN");
        assertThat(down).doesNotContainPattern("iptables (-t \\w+ )?-F( |$)(?!NATLAB)");
        assertThat(RouterEventScripts.linkUp(prc)).contains("iptables -F NATLAB-LINKDOWN").doesNotContain("-X");
    }

    @Test
    void changePublicIpRemovesTheOldAddressFirst() {
        String s = RouterEventScripts.changePublicIp(prc, "198.18.0.250");
        assertThat(s.indexOf("ip addr del 198.18.0.2/24 dev eth1")).isLessThan(s.indexOf("ip addr add 198.18.0.250/24 dev eth1"));
        assertThat(s).doesNotContain("ip route replace default"); // top-level: the internet is flat
        assertThat(RouterEventScripts.changePublicIp(Contexts.nested(NatPreset.PORT_RESTRICTED_CONE), "100.64.0.200"))
            .contains("ip route replace default via 100.64.0.2 dev eth1");
    }

    @Test
    void addressesAreCheckedBeforeTheyReachAShell() {
        assertThatThrownBy(() -> RouterEventScripts.changePublicIp(prc, "10.0.0.1; reboot"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAN segment 198.18.0.0/24");
        assertThatThrownBy(() -> RouterEventScripts.changePublicIp(prc, "192.168.1.1"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idleExpiryAttachesAShortEstablishedTimeoutAndExpiresTheCurrentEntries() {
        String s = RouterEventScripts.idleExpiry(prc, Duration.ofSeconds(2));
        assertThat(s).contains("table ip natlab_event", "policy = { established: 2 }", "ct timeout set \"idle\"",
            "hook prerouting", "hook output", "conntrack -D -p tcp --state ESTABLISHED");
    }

    @Test
    void setReplacesTheConfiguredLossAndAddsLatency() {
        RouterContext lossy = Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(),
            new RouterOptions(UnsolicitedPolicy.DROP, false, 10, Duration.ZERO, Duration.ZERO, Map.of()));
        String s = RouterEventScripts.set(lossy, null, true, 20.0, Duration.ofMillis(100));
        assertThat(s).contains("iptables -D NATLAB-FORWARD -m statistic --mode random --probability 0.1 -j DROP",
            "iptables -A NATLAB-SETLOSS -m statistic --mode random --probability 0.2 -j DROP",
            "iptables -I FORWARD 1 -j NATLAB-SETLOSS", "tc qdisc replace dev eth1 root netem delay 100ms");
        assertThat(RouterEventScripts.set(prc, null, false, null, Duration.ofMillis(50))).contains("natlab-delay --queue");
    }

    @Test
    void restoreUndoesEveryEventThenReappliesTheRules() {
        String s = RouterEventScripts.restore(prc, rules, "198.18.0.250");
        assertThat(s).contains("ip addr del 198.18.0.250/24 dev eth1", "ip addr add 198.18.0.2/24 dev eth1",
            "iptables -D INPUT -j NATLAB-LINKDOWN", "iptables -D FORWARD -j NATLAB-SETLOSS", "iptables -X NATLAB-LINKDOWN",
            "nft delete table ip natlab_event", "tc qdisc del dev eth1 root");
        assertThat(s).endsWith(rules.applyScript() + rules.resetScript());
        assertThat(RouterEventScripts.restore(prc, rules, "198.18.0.2")).doesNotContain("ip addr del");
    }
}
