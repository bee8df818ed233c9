package io.natlab.nat;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.natlab.nat.NatlabChains.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterRuleCompilerTest {

    private static Script apply(RouterContext ctx) { return Script.of(RouterRuleCompiler.compile(ctx).applyScript()); }
    private static Script reset(RouterContext ctx) { return Script.of(RouterRuleCompiler.compile(ctx).resetScript()); }
    private static Script apply(NatPreset p) { return apply(Contexts.of(p)); }

    private static final String MASQ = "-o eth1 -j MASQUERADE";

    @Nested class Presets {
        @Test void portRestrictedConeIsPlainMasqueradeWithoutDynamicState() {
            Script s = apply(NatPreset.PORT_RESTRICTED_CONE);
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ);
            String nft = s.nftFile();
            assertThat(nft).doesNotContain("map owner", "set contacted", "chain inbound", "numgen");
        }

        @Test void fullConeDnatsInboundFlowsToTheLearnedOwnerOfThePort() {
            Script s = apply(NatPreset.FULL_CONE);
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ);
            String nft = s.nftFile();
            assertThat(nft).contains("map owner", "type inet_service : ipv4_addr . inet_service")
                .contains("update @owner { tcp sport : ct original ip saddr . ct original proto-src }")
                .contains("iifname \"eth1\" ip daddr 198.18.0.2 meta l4proto tcp dnat ip to tcp dport map @owner")
                .doesNotContain("@contacted");
        }

        @Test void restrictedConeDnatsOnlyFromContactedAddresses() {
            String nft = apply(NatPreset.RESTRICTED_CONE).nftFile();
            assertThat(nft).contains("set contacted", "update @contacted { ip daddr . tcp sport }")
                .contains("iifname \"eth1\" ip daddr 198.18.0.2 meta l4proto tcp ip saddr . tcp dport @contacted dnat ip to tcp dport map @owner");
            assertThat(nft.lines().filter(l -> l.contains("dnat"))).hasSize(1);
        }

        @Test void symmetricIsMasqueradeRandomFully() {
            Script s = apply(NatPreset.SYMMETRIC);
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ + " --random-fully");
            assertThat(s.nftFile()).doesNotContain("dnat", "numgen");
        }

        @Test void symmetricSequentialSnatsThroughANumgenPortMapAndNoMasquerade() {
            Script s = apply(NatPreset.SYMMETRIC_SEQUENTIAL);
            assertThat(s.rulesOf(POSTROUTING)).isEmpty();
            String nft = s.nftFile();
            assertThat(nft).contains("typeof numgen inc mod 4096 : tcp sport")
                .contains("elements = { 0 : 10000, 1 : 10001, 2 : 10002")
                .contains("oifname \"eth1\" meta l4proto tcp snat ip to 198.18.0.2 : numgen inc mod 4096 map @seqports")
                .contains("type nat hook postrouting priority srcnat;")
                .doesNotContain("offset"); // the offset form byte-swaps ports on nft 1.0.6
        }

        @Test void learningRunsAfterSourceNatSoItSeesThePublicPort() {
            String nft = apply(NatPreset.FULL_CONE).nftFile();
            assertThat(nft).contains("chain learn {\n    type filter hook postrouting priority srcnat + 10;")
                .contains("oifname \"eth1\" ip saddr 198.18.0.2 ct direction original meta l4proto tcp update @owner");
        }
    }

    @Nested class AxisOverrides {
        @Test void portRestrictedConeWithEndpointIndependentFilteringBehavesLikeFullCone() {
            NatBehaviour b = NatPreset.PORT_RESTRICTED_CONE.behaviour().withFiltering(Filtering.ENDPOINT_INDEPENDENT);
            String nft = apply(Contexts.of(b, RouterOptions.defaults())).nftFile();
            assertThat(nft).contains("dnat ip to tcp dport map @owner").doesNotContain("@contacted");
        }

        @Test void fullConeWithPortDependentFilteringDropsTheDnat() {
            NatBehaviour b = NatPreset.FULL_CONE.behaviour().withFiltering(Filtering.ADDRESS_AND_PORT_DEPENDENT);
            assertThat(apply(Contexts.of(b, RouterOptions.defaults())).nftFile()).doesNotContain("dnat", "map owner");
        }

        @Test void symmetricWithAddressDependentFilteringKeepsRandomPortsAndAddsTheContactSet() {
            NatBehaviour b = NatPreset.SYMMETRIC.behaviour().withFiltering(Filtering.ADDRESS_DEPENDENT);
            Script s = apply(Contexts.of(b, RouterOptions.defaults()));
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ + " --random-fully");
            assertThat(s.nftFile()).contains("@contacted dnat ip to tcp dport map @owner");
        }

        @Test void symmetricWithSequentialPortsUsesTheDelta() {
            NatBehaviour b = NatPreset.SYMMETRIC.behaviour().withPortAssignment(PortAssignment.SEQUENTIAL).withPortDelta(5);
            String nft = apply(Contexts.of(b, RouterOptions.defaults())).nftFile();
            assertThat(nft).contains("0 : 10000, 1 : 10005, 2 : 10010");
        }

        @Test void sequentialWithEndpointIndependentFilteringCombinesNumgenAndDnat() {
            NatBehaviour b = NatPreset.SYMMETRIC_SEQUENTIAL.behaviour().withFiltering(Filtering.ENDPOINT_INDEPENDENT);
            String nft = apply(Contexts.of(b, RouterOptions.defaults())).nftFile();
            assertThat(nft).contains("numgen inc mod", "dnat ip to tcp dport map @owner");
        }

        @Test void refusesEndpointIndependentMappingWithoutPreservedPorts() {
            NatBehaviour b = NatPreset.PORT_RESTRICTED_CONE.behaviour().withPortAssignment(PortAssignment.RANDOM);
            assertThatThrownBy(() -> RouterRuleCompiler.compile(Contexts.of(b, RouterOptions.defaults())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping=endpoint-independent")
                .hasMessageContaining("port-assignment=random");
        }

        @Test void refusesPortDependentMappingWithPreservedPorts() {
            NatBehaviour b = NatPreset.SYMMETRIC.behaviour().withPortAssignment(PortAssignment.PRESERVING);
            assertThatThrownBy(() -> RouterRuleCompiler.compile(Contexts.of(b, RouterOptions.defaults())))
                .hasMessageContaining("mapping=address-and-port-dependent");
        }

        @Test void refusesAMissingBehaviourAndANonPositiveDelta() {
            assertThatThrownBy(() -> RouterRuleCompiler.compile(Contexts.of(null, RouterOptions.defaults())))
                .hasMessageContaining("none");
            NatBehaviour b = new NatBehaviour(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 0, Filtering.ADDRESS_AND_PORT_DEPENDENT);
            assertThatThrownBy(() -> RouterRuleCompiler.compile(Contexts.of(b, RouterOptions.defaults())))
                .hasMessageContaining("port-delta");
        }
    }

    @Nested class UnsolicitedPolicies {
        @ParameterizedTest @EnumSource(UnsolicitedPolicy.class)
        void policyAppliesToUnmatchedSynsInInputAndForward(UnsolicitedPolicy policy) {
            Script s = apply(Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(), Contexts.options(policy, false)));
            String target = switch (policy) {
                case DROP -> "-j DROP";
                case RST -> "-j REJECT --reject-with tcp-reset";
                case ICMP -> "-j REJECT --reject-with icmp-port-unreachable";
            };
            assertThat(s.rulesOf(INPUT)).first().isEqualTo("-i eth1 -p tcp --syn -m conntrack --ctstate NEW,INVALID " + target);
            assertThat(s.rulesOf(FORWARD)).contains("-i eth1 -p tcp --syn -m conntrack --ctstate NEW " + target);
        }

        @ParameterizedTest @EnumSource(value = NatPreset.class, names = {"FULL_CONE", "RESTRICTED_CONE"})
        void flowsAdmittedByTheConeDnatReturnBeforeThePolicy(NatPreset preset) {
            List<String> fwd = apply(Contexts.of(preset.behaviour(), Contexts.options(UnsolicitedPolicy.RST, false))).rulesOf(FORWARD);
            int admitted = fwd.indexOf("-i eth1 -m conntrack --ctstate DNAT -j RETURN");
            int policy = fwd.indexOf("-i eth1 -p tcp --syn -m conntrack --ctstate NEW -j REJECT --reject-with tcp-reset");
            assertThat(admitted).isNotNegative().isLessThan(policy);
        }

        @ParameterizedTest @EnumSource(value = NatPreset.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void outboundInvalidPacketsNeverLeaveUntranslated(NatPreset preset) {
            assertThat(apply(preset).rulesOf(FORWARD)).contains("-o eth1 -m conntrack --ctstate INVALID -j DROP");
        }

        @Test void everythingElseUnsolicitedFromTheWanIsDroppedAfterThePolicy() {
            List<String> fwd = apply(NatPreset.PORT_RESTRICTED_CONE).rulesOf(FORWARD);
            assertThat(fwd.get(fwd.size() - 1)).isEqualTo("-i eth1 -m conntrack --ctstate NEW,INVALID -j DROP");
            assertThat(apply(NatPreset.PORT_RESTRICTED_CONE).rulesOf(INPUT)).contains("-i eth1 -m conntrack --ctstate INVALID -j DROP");
        }
    }

    @Nested class Hairpinning {
        @Test void onDnatsLanPacketsForTheWanAddressAndSnatsThemToIt() {
            Script s = apply(Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(), Contexts.options(UnsolicitedPolicy.DROP, true)));
            assertThat(s.nftFile()).contains("map owner", "iifname \"eth0\" ip daddr 198.18.0.2 meta l4proto tcp dnat ip to tcp dport map @owner");
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ,
                "-o eth0 -s 10.20.1.0/24 -d 10.20.1.0/24 -m conntrack --ctstate DNAT -j SNAT --to-source 198.18.0.2");
        }

        @Test void offHasNoLanDnatAndDropsLanFlowsToTheWanAddress() {
            Script s = apply(NatPreset.FULL_CONE);
            assertThat(s.nftFile()).doesNotContain("iifname \"eth0\"");
            assertThat(s.rulesOf(POSTROUTING)).containsExactly(MASQ);
            assertThat(s.rulesOf(INPUT)).contains("-i eth0 -d 198.18.0.2 -p tcp -m conntrack --ctstate NEW,INVALID -j DROP");
        }
    }

    @Nested class LossLatencyAndContainment {
        private RouterOptions opts(double loss, Duration latency, Duration jitter) {
            return new RouterOptions(UnsolicitedPolicy.DROP, false, loss, latency, jitter, Map.of());
        }

        @Test void lossDropsForwardedPacketsAfterContainmentAndBeforeFiltering() {
            List<String> fwd = apply(Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(), opts(10, Duration.ZERO, Duration.ZERO))).rulesOf(FORWARD);
            assertThat(fwd).containsSubsequence("-j " + CONTAIN_SRC, "-j " + CONTAIN_DST,
                "-m statistic --mode random --probability 0.1 -j DROP", "-i eth1 -m conntrack --ctstate DNAT -j RETURN");
            assertThat(fwd.stream().filter(r -> r.contains("statistic"))).hasSize(1).allMatch(r -> !r.contains("-i ") && !r.contains("-o "));
        }

        @Test void noLossMeansNoStatisticRule() {
            assertThat(apply(NatPreset.SYMMETRIC).has("statistic")).isFalse();
        }

        @Test void probabilityIsPlainDecimal() {
            assertThat(RouterRuleCompiler.probability(0.5)).isEqualTo("0.005");
            assertThat(RouterRuleCompiler.probability(100)).isEqualTo("1");
            assertThatThrownBy(() -> RouterRuleCompiler.probability(101)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test void latencyAndJitterUseNetemOnBothInterfaces() {
            Script s = apply(Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(), opts(0, Duration.ofMillis(20), Duration.ofMillis(5))));
            assertThat(s.commands()).contains("tc qdisc replace dev eth1 root netem delay 20ms 5ms",
                "tc qdisc replace dev eth0 root netem delay 20ms 5ms");
            assertThat(apply(NatPreset.PORT_RESTRICTED_CONE).has("netem")).isFalse();
        }

        @Test void containmentDropsEverythingOutsideTheLabSubnets() {
            Script s = apply(Contexts.nested(NatPreset.PORT_RESTRICTED_CONE));
            assertThat(s.rulesOf(CONTAIN_SRC)).containsExactly("-s 198.18.0.0/24 -j RETURN", "-s 100.64.0.0/24 -j RETURN",
                "-s 10.20.1.0/24 -j RETURN", "-j DROP");
            assertThat(s.rulesOf(CONTAIN_DST)).containsExactly("-d 198.18.0.0/24 -j RETURN", "-d 100.64.0.0/24 -j RETURN",
                "-d 10.20.1.0/24 -j RETURN", "-j DROP");
            assertThat(s.rulesOf(FORWARD).subList(0, 2)).containsExactly("-j " + CONTAIN_SRC, "-j " + CONTAIN_DST);
        }

        @Test void topLevelRoutersLoseTheirDefaultRouteNestedOnesPointItAtTheParent() {
            assertThat(apply(NatPreset.SYMMETRIC).commands()).contains("if ip route show default | grep -q .; then ip route del default; fi")
                .noneMatch(c -> c.startsWith("ip route replace"));
            assertThat(apply(Contexts.nested(NatPreset.SYMMETRIC)).commands()).contains("ip route replace default via 100.64.0.2 dev eth1")
                .noneMatch(c -> c.contains("ip route del"));
        }

        @Test void routesAreSetBeforeAnyRule() {
            apply(NatPreset.FULL_CONE).assertBefore("ip route", "iptables");
        }
    }

    @Nested class Sysctls {
        @Test void checksForwardingAndConntrackTimeoutsInsteadOfWritingThem() {
            RouterOptions o = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ZERO, Duration.ZERO,
                Map.of("syn_sent", 30, "established", 600));
            Script s = apply(Contexts.of(NatPreset.PORT_RESTRICTED_CONE.behaviour(), o));
            assertThat(s.commands()).anyMatch(c -> c.startsWith("test \"$(cat /proc/sys/net/ipv4/ip_forward)\" = 1 ||"))
                .anyMatch(c -> c.startsWith("test \"$(cat /proc/sys/net/netfilter/nf_conntrack_tcp_timeout_syn_sent)\" = 30 ||"))
                .anyMatch(c -> c.startsWith("test \"$(cat /proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established)\" = 600 ||"))
                .noneMatch(c -> c.startsWith("sysctl"));
        }

        @Test void learnedMappingsExpireWithTheEstablishedTimeout() {
            RouterOptions o = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ZERO, Duration.ZERO, Map.of("established", 600));
            assertThat(apply(Contexts.of(NatPreset.FULL_CONE.behaviour(), o)).nftFile()).contains("timeout 600s;");
            assertThat(apply(NatPreset.FULL_CONE).nftFile()).contains("timeout 7440s;");
        }
    }

    @Nested class Reset {
        @Test void flushesDynamicSetsAndConntrack() {
            Script s = reset(Contexts.of(NatPreset.RESTRICTED_CONE));
            assertThat(s.commands()).containsSubsequence("nft flush map ip natlab owner", "nft flush set ip natlab contacted")
                .anyMatch(c -> c.startsWith("conntrack -F"));
            s.assertBefore("nft flush set", "conntrack -F");
        }

        @Test void plainConntrackRouterOnlyFlushesConntrack() {
            assertThat(reset(Contexts.of(NatPreset.PORT_RESTRICTED_CONE)).commands()).singleElement()
                .asString().startsWith("conntrack -F");
        }

        @Test void sequentialResetRestartsTheCounterByReAddingTheRule() {
            List<String> cmds = reset(Contexts.of(NatPreset.SYMMETRIC_SEQUENTIAL)).commands();
            assertThat(cmds).containsSubsequence("nft flush chain ip natlab seq_snat",
                "nft add rule ip natlab seq_snat oifname \"eth1\" meta l4proto tcp snat ip to 198.18.0.2 : numgen inc mod 4096 map @seqports",
                "nft add rule ip natlab seq_snat oifname \"eth1\" masquerade");
        }

        @Test void resetNeverTouchesRules() {
            for (NatPreset p : List.of(NatPreset.FULL_CONE, NatPreset.RESTRICTED_CONE, NatPreset.SYMMETRIC)) {
                assertThat(reset(Contexts.of(p)).commands()).noneMatch(c -> c.startsWith("iptables"));
            }
        }
    }

    @Nested class Hygiene {
        private static final Pattern IPTABLES_DESTRUCTIVE = Pattern.compile("iptables (?:-t \\w+ )?-[FXZD] ?(\\S*)");

        @ParameterizedTest @EnumSource(value = NatPreset.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void neverFlushesOrDeletesBuiltInChainsOrTables(NatPreset preset) {
            for (RouterContext ctx : List.of(Contexts.of(preset.behaviour(), Contexts.options(UnsolicitedPolicy.ICMP, true)), Contexts.nested(preset))) {
                RouterRules r = RouterRuleCompiler.compile(ctx);
                for (String script : List.of(r.applyScript(), r.resetScript())) {
                    var m = IPTABLES_DESTRUCTIVE.matcher(script);
                    while (m.find()) assertThat(m.group(1)).as(m.group()).startsWith("NATLAB-");
                    assertThat(script).doesNotContain("flush ruleset", "flush table", "iptables -t nat -F\n", "iptables -F\n");
                    assertThat(script.lines().filter(l -> l.startsWith("delete table"))).allMatch(l -> l.equals("delete table ip natlab"));
                }
            }
        }

        @Test void ownChainsAreJumpedToFirstAndOnlyOnce() {
            List<String> cmds = apply(NatPreset.FULL_CONE).commands();
            assertThat(cmds).contains(
                "iptables -C FORWARD -j NATLAB-FORWARD 2>/dev/null || iptables -I FORWARD 1 -j NATLAB-FORWARD",
                "iptables -C INPUT -j NATLAB-INPUT 2>/dev/null || iptables -I INPUT 1 -j NATLAB-INPUT",
                "iptables -t nat -C POSTROUTING -j NATLAB-POSTROUTING 2>/dev/null || iptables -t nat -I POSTROUTING 1 -j NATLAB-POSTROUTING");
            assertThat(cmds).noneMatch(c -> c.matches("iptables (-t nat )?-A (FORWARD|INPUT|POSTROUTING|PREROUTING) .*"));
        }

        @Test void ownChainsAreCreatedOrEmptiedBeforeUseSoApplyIsRepeatable() {
            Script s = apply(NatPreset.FULL_CONE);
            for (String c : FILTER_CHAINS) s.assertBefore("iptables -N " + c + " 2>/dev/null || iptables -F " + c, "iptables -A " + c);
            s.assertBefore("iptables -t nat -N NATLAB-POSTROUTING 2>/dev/null || iptables -t nat -F NATLAB-POSTROUTING", "iptables -t nat -A NATLAB-POSTROUTING");
            assertThat(s.nftFile()).startsWith("table ip natlab\ndelete table ip natlab\ntable ip natlab {");
        }

        @Test void interfacesComeFromTheContextNotFromNameOrder() {
            RouterContext swapped = new RouterContext("x", NatPreset.FULL_CONE.behaviour(), RouterOptions.defaults(), "eth7", "198.18.0.9",
                Contexts.INTERNET, null, "eth3", "10.20.1.2", Contexts.LAN, List.of(), List.of(Contexts.INTERNET, Contexts.LAN));
            Script s = apply(swapped);
            assertThat(s.rulesOf(POSTROUTING)).containsExactly("-o eth7 -j MASQUERADE");
            assertThat(s.nftFile()).contains("iifname \"eth7\" ip daddr 198.18.0.9").doesNotContain("eth1", "eth0");
        }
    }

    @Nested class PortForwardsAndSysctls {
        @Test void aForwardLivesInTheLabsOwnChainsAheadOfContainmentLossAndPolicy() {
            Script s = apply(Contexts.of(NatPreset.FULL_CONE).withPortForwards(List.of(new PortForward(7100, "10.70.9.2"))));
            assertThat(s.rulesOf(PREROUTING)).containsExactly("-d 198.18.0.2 -p tcp --dport 7100 -j DNAT --to-destination 10.70.9.2:7100");
            assertThat(s.rulesOf(FORWARD).get(0)).isEqualTo("-d 10.70.9.2 -p tcp --dport 7100 -j ACCEPT");
            assertThat(s.commands()).noneMatch(c -> c.matches("iptables (-t nat )?-I (FORWARD|PREROUTING) 1 -[^j].*"));
            s.assertBefore("iptables -t nat -N " + PREROUTING, "iptables -t nat -A " + PREROUTING);
            s.assertBefore("-I PREROUTING 1 -j " + PREROUTING, "iptables -t nat -A " + PREROUTING);
        }

        @Test void withoutForwardsTheChainIsEmpty() {
            Script s = apply(NatPreset.FULL_CONE);
            assertThat(s.rulesOf(PREROUTING)).isEmpty();
            assertThat(s.has("-I PREROUTING")).isFalse();
        }

        @Test void theCompilerNamesTheSysctlsTheContainerIsCreatedWithAndChecksEach() {
            RouterOptions o = new RouterOptions(UnsolicitedPolicy.DROP, false, 0, Duration.ZERO, Duration.ZERO,
                Map.of("syn_sent", 30, "established", 600));
            assertThat(RouterRuleCompiler.sysctls(o)).containsExactly(Map.entry("net.ipv4.ip_forward", "1"),
                Map.entry("net.netfilter.nf_conntrack_tcp_timeout_established", "600"),
                Map.entry("net.netfilter.nf_conntrack_tcp_timeout_syn_sent", "30"));
            Script s = apply(Contexts.of(NatPreset.FULL_CONE.behaviour(), o));
            RouterRuleCompiler.sysctls(o).forEach((k, v) -> assertThat(s.commands())
                .anyMatch(c -> c.startsWith("test \"$(cat /proc/sys/" + k.replace('.', '/') + ")\" = " + v + " ||")));
        }
    }
}
