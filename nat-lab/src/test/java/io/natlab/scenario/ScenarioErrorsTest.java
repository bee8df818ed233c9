package io.natlab.scenario;

import io.natlab.topology.Subnet;
import io.natlab.hostnet.ReservedRange;
import io.natlab.topology.yaml.ReservedRanges;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.natlab.scenario.ScenarioLoaderTest.errors;
import static io.natlab.scenario.ScenarioLoaderTest.sites;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per class of mistake: each names file, line, column and field, and says what is wrong. */
class ScenarioErrorsTest {

    private static final String HOME_A = """
            - name: home-a
              nat: port-restricted-cone
              peers: [alice]
        """;

    @Test
    void unknownKeysGetASuggestionOrTheAllowedList() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  port_assignment: preserving
                  peers: [alice]
            """) + "bandwidth: 10\n")).containsExactly(
            "t.yaml:7:7: topology.sites[0].port_assignment: unknown key 'port_assignment' (did you mean 'port-assignment'?)",
            "t.yaml:11:1: bandwidth: unknown key 'bandwidth'; allowed here: name, description, topology, punches, "
                + "strategies, budget, timeout, trials, min-success-rate, echo-bytes, implementations, hold, heartbeat, "
                + "idle-timeout, recover, events, process, skew");
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  filtering: port-dependent
                  unsolicited: reject
                  peers: [alice]
            """) + "strategies: [listen-connect, connect-first]\n")).containsExactly(
            "t.yaml:7:18: topology.sites[0].filtering: unknown filtering 'port-dependent'; allowed: "
                + "endpoint-independent, address-dependent, address-and-port-dependent",
            "t.yaml:8:20: topology.sites[0].unsolicited: unknown unsolicited policy 'reject'; allowed: drop, rst, icmp",
            "t.yaml:12:30: strategies[1]: unknown strategy 'connect-first'; allowed: "
                + "listen-connect, connect-only");
    }

    @Test
    void overridesAreCheckedEvenWhenThePresetIsWrong() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: cone
                  filtering: none
                  peers: [alice]
            """))).containsExactly(
            "t.yaml:6:12: topology.sites[0].nat: unknown NAT preset 'cone'; allowed: full-cone, restricted-cone, "
                + "port-restricted-cone, symmetric, symmetric-sequential",
            "t.yaml:7:18: topology.sites[0].filtering: unknown filtering 'none'; allowed: endpoint-independent, "
                + "address-dependent, address-and-port-dependent");
    }

    @Test
    void natNoneIsRefusedWithAHint() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: none
                  peers: [alice]
            """))).containsExactly("t.yaml:6:12: topology.sites[0].nat: 'none' is not a site: a host without NAT is a "
            + "public peer; list it under topology.internet.peers");
    }

    @Test
    void missingNatAndMissingDescription() {
        assertThat(errors(sites("""
                - name: home-a
                  peers: [alice]
            """).replace("description: test\n", ""))).containsExactly(
            "t.yaml:1:1: description: missing (one line saying what this file shows)",
            "t.yaml:4:7: topology.sites[0].nat: missing (one of full-cone, restricted-cone, port-restricted-cone, "
                + "symmetric, symmetric-sequential)");
    }

    @Test
    void descriptionMustBeOneLine() {
        assertThat(errors(sites(HOME_A).replace("description: test", "description: |\n  two\n  lines")))
            .containsExactly("t.yaml:1:14: description: must be one line");
    }

    @Test
    void malformedCidrs() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  lan: 10.20.1.1/24
                  peers: [alice]
                - name: home-b
                  nat: full-cone
                  lan: 10.20.300.0/24
                - name: home-c
                  nat: full-cone
                  lan: 10.20.3.0
            """))).containsExactly(
            "t.yaml:7:12: topology.sites[0].lan: '10.20.1.1/24' has host bits set (did you mean 10.20.1.0/24?)",
            "t.yaml:11:12: topology.sites[1].lan: '10.20.300.0' is not an IPv4 address",
            "t.yaml:14:12: topology.sites[2].lan: '10.20.3.0' is not CIDR (expected a.b.c.d/n)");
    }

    @Test
    void overlappingSubnetsInternetLansAndNestedSites() {
        assertThat(errors("""
            description: d
            topology:
              internet: {subnet: 10.0.0.0/16, peers: [carol]}
              sites:
                - name: cgn
                  nat: symmetric
                  lan: 100.64.0.0/24
                - name: home-a
                  nat: full-cone
                  behind: cgn
                  lan: 100.64.0.128/25
                  peers: [alice]
                - name: home-b
                  nat: full-cone
                  lan: 10.0.5.0/24
                  peers: [bob]
            punches: [{peers: [alice, bob]}]
            """)).containsExactly(
            "t.yaml:11:12: topology.sites[1].lan: 100.64.0.128/25 overlaps topology.sites[0].lan 100.64.0.0/24",
            "t.yaml:15:12: topology.sites[2].lan: 10.0.5.0/24 overlaps topology.internet.subnet 10.0.0.0/16");
    }

    @Test
    void subnetsOverlappingTheHostsReservedRanges() {
        assertThat(errors("""
            description: d
            topology:
              internet: {subnet: 203.0.113.0/25}
              sites:
                - name: home-a
                  nat: full-cone
                  lan: 192.0.2.0/24
                  peers: [alice]
                - name: home-b
                  nat: full-cone
                  lan: 10.255.0.0/16
                  peers: [bob]
                - name: home-c
                  nat: full-cone
                  lan: 172.17.9.0/24
            punches: [{peers: [alice, bob]}]
            """)).containsExactly(
            "t.yaml:3:22: topology.internet.subnet: 203.0.113.0/25 overlaps 203.0.113.0/24, a built-in default reservation "
                + "(the build machines' package registries; NATLAB_RESERVED_DEFAULTS replaces the defaults); a Docker network there would shadow it on the host. Pick another range or leave it out to get a free one",
            "t.yaml:7:12: topology.sites[0].lan: 192.0.2.0/24 overlaps 192.0.2.0/24, a built-in default reservation "
                + "(the build machines' host network; NATLAB_RESERVED_DEFAULTS replaces the defaults); "
                + "a Docker network there would shadow it on the host. Pick another range or leave it out to get a free one",
            "t.yaml:11:12: topology.sites[1].lan: 10.255.0.0/16 overlaps 10.255.255.0/24, a built-in default reservation "
                + "(the build machines' DNS servers; NATLAB_RESERVED_DEFAULTS replaces the defaults); "
                + "a Docker network there would shadow it on the host. Pick another range or leave it out to get a free one",
            "t.yaml:15:12: topology.sites[2].lan: 172.17.9.0/24 overlaps 172.17.0.0/16, Docker's default bridge; "
                + "a Docker network there would shadow it on the host. Pick another range or leave it out to get a free one");
    }

    @Test
    void discoveredHostRoutesAreReservedToo() {
        ScenarioLoader loader = new ScenarioLoader(ReservedRanges.fixedPlus(List.of(
            new ReservedRange(Subnet.parse("10.8.0.0/13"), "a route of this host via wg0"))));
        assertThat(errors(loader, sites("""
                - name: home-a
                  nat: full-cone
                  lan: 10.9.1.0/24
                  peers: [alice]
            """))).singleElement().asString()
            .startsWith("t.yaml:7:12: topology.sites[0].lan: 10.9.1.0/24 overlaps 10.8.0.0/13, a route of this host via wg0;");
    }

    @Test
    void duplicateAndReservedNames() {
        assertThat(errors("""
            description: d
            topology:
              internet: {peers: [carol, home-a]}
              sites:
                - name: home-a
                  nat: full-cone
                  peers: [alice, carol]
                - name: home-b
                  nat: full-cone
                  peers: [alice, rendezvous, probe-1]
                - name: internet
                  nat: full-cone
            punches: [{peers: [alice, carol]}]
            """)).containsExactly(
            "t.yaml:3:29: topology.internet.peers[1]: 'home-a' is already used by topology.sites[0].name (line 5); "
                + "site and peer names must be unique (they are host names)",
            "t.yaml:7:22: topology.sites[0].peers[1]: 'carol' is already used by topology.internet.peers[0] (line 3); "
                + "site and peer names must be unique (they are host names)",
            "t.yaml:10:15: topology.sites[1].peers[0]: 'alice' is already used by topology.sites[0].peers[0] (line 7); "
                + "site and peer names must be unique (they are host names)",
            "t.yaml:10:22: topology.sites[1].peers[1]: 'rendezvous' is reserved for the lab's own hosts "
                + "(rendezvous, probe-1, probe-2, internet)",
            "t.yaml:10:34: topology.sites[1].peers[2]: 'probe-1' is reserved for the lab's own hosts "
                + "(rendezvous, probe-1, probe-2, internet)",
            "t.yaml:11:13: topology.sites[2].name: 'internet' is reserved for the lab's own hosts "
                + "(rendezvous, probe-1, probe-2, internet)");
    }

    @Test
    void namesMustBeUsableAsHostNames() {
        assertThat(errors(sites("""
                - name: Home_A
                  nat: full-cone
                  peers: [alice, -bob, a-name-that-is-far-too-long-for-a-host]
            """))).containsExactly(
            "t.yaml:5:13: topology.sites[0].name: 'Home_A' is not a valid host name: use 1-31 characters a-z, 0-9 and '-', "
                + "starting with a letter or digit",
            "t.yaml:7:22: topology.sites[0].peers[1]: '-bob' is not a valid host name: use 1-31 characters a-z, 0-9 and '-', "
                + "starting with a letter or digit",
            "t.yaml:7:28: topology.sites[0].peers[2]: 'a-name-that-is-far-too-long-for-a-host' is not a valid host name: "
                + "use 1-31 characters a-z, 0-9 and '-', starting with a letter or digit");
    }

    @Test
    void punchesNameTwoDistinctDeclaredPeers() {
        assertThat(errors(sites(HOME_A).replace("  - peers: [alice, carol]\n", """
              - peers: [alice, carl]
              - peers: [alice, alice]
              - peers: []
              - expect: direct
              - peers: [carol, alice]
                expect: sometimes
            """))).containsExactly(
            "t.yaml:9:20: punches[0].peers[1]: undeclared peer 'carl' (did you mean 'carol'?); declared peers: carol, alice",
            "t.yaml:10:20: punches[1].peers[1]: a peer cannot punch to itself",
            "t.yaml:11:12: punches[2].peers: needs exactly two peers, got 0",
            "t.yaml:12:5: punches[3].peers: missing (the two peers that punch, e.g. [alice, bob])",
            "t.yaml:14:13: punches[4].expect: unknown expectation 'sometimes'; allowed: direct, failed, auto");
    }

    @Test
    void aPairIsPunchedOnce() {
        assertThat(errors(sites(HOME_A) + "  - peers: [carol, alice]\n")).containsExactly(
            "t.yaml:10:12: punches[1].peers: the pair carol/alice is already punched by punches[0] "
                + "(both-orders covers the reverse order)");
    }

    @Test
    void scenariosNeedPunches() {
        assertThat(errors(sites(HOME_A).replace("  - peers: [alice, carol]\n", "")))
            .containsExactly("t.yaml:8:1: punches: missing (a list of peer pairs, e.g. - peers: [alice, bob])");
        assertThat(errors(sites(HOME_A).replace("punches:\n  - peers: [alice, carol]\n", "punches: []\n")))
            .containsExactly("t.yaml:8:10: punches: needs at least one pair, e.g. - peers: [alice, bob]");
    }

    @Test
    void impossibleNesting() {
        assertThat(errors("""
            description: d
            topology:
              sites:
                - {name: a, nat: full-cone, behind: a}
                - {name: b, nat: full-cone, behind: nowhere}
                - {name: c, nat: full-cone, behind: d}
                - {name: d, nat: full-cone, behind: c, peers: [alice]}
                - {name: e, nat: full-cone, behind: c, peers: [bob]}
            punches: [{peers: [alice, bob]}]
            """)).containsExactly(
            "t.yaml:4:41: topology.sites[0].behind: a site cannot sit behind itself",
            "t.yaml:5:41: topology.sites[1].behind: unknown site 'nowhere'; sites: a, b, c, d, e",
            "t.yaml:6:41: topology.sites[2].behind: nesting cycle: c -> d -> c; some site must sit on the internet");
    }

    @Test
    void nestingDeeperThanThreeLayers() {
        assertThat(errors("""
            description: d
            topology:
              sites:
                - {name: l1, nat: full-cone}
                - {name: l2, nat: full-cone, behind: l1}
                - {name: l3, nat: full-cone, behind: l2, peers: [alice]}
                - {name: l4, nat: full-cone, behind: l3, peers: [bob]}
            punches: [{peers: [alice, bob]}]
            """)).containsExactly("t.yaml:7:42: topology.sites[3].behind: nested 4 NAT layers deep "
            + "(l4 behind l3 behind l2 behind l1); at most 3 are supported");
    }

    @Test
    void mappingAndPortAssignmentCombosLinuxCannotDo() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  port-assignment: random
                  peers: [alice]
                - name: home-b
                  nat: symmetric
                  mapping: endpoint-independent
                - name: home-c
                  nat: symmetric
                  port-assignment: preserving
                - name: home-d
                  nat: symmetric
                  port-delta: 4
            """))).containsExactly(
            "t.yaml:7:24: topology.sites[0].port-assignment: endpoint-independent mapping cannot use random port assignment "
                + "on Linux (a new port per flow is address-and-port-dependent mapping); use port-assignment: preserving, "
                + "or mapping: address-and-port-dependent",
            "t.yaml:11:16: topology.sites[1].mapping: endpoint-independent mapping cannot use random port assignment "
                + "on Linux (a new port per flow is address-and-port-dependent mapping); use port-assignment: preserving, "
                + "or mapping: address-and-port-dependent",
            "t.yaml:14:24: topology.sites[2].port-assignment: address-and-port-dependent mapping needs port-assignment "
                + "random or sequential: with preserving, Linux keeps the same public port towards every destination, "
                + "which is endpoint-independent",
            "t.yaml:17:19: topology.sites[3].port-delta: port-delta only applies to port-assignment: sequential "
                + "(this site's is random)");
    }

    @Test
    void routerOptionRanges() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  loss: 120
                  latency: -5ms
                  jitter: 3
                  hairpin: maybe
                  conntrack-timeouts: {syn_sent: 0, establised: 60, tcp_close: 5}
                  peers: [alice]
            """))).containsExactly(
            "t.yaml:7:13: topology.sites[0].loss: must be between 0 and 100, got 120",
            "t.yaml:8:16: topology.sites[0].latency: '-5ms' is negative; durations must be 0 or more",
            "t.yaml:9:15: topology.sites[0].jitter: '3' needs a unit: ms, s or m (e.g. 500ms, 2s, 1m)",
            "t.yaml:10:16: topology.sites[0].hairpin: expected true or false, got a string ('maybe')",
            "t.yaml:11:38: topology.sites[0].conntrack-timeouts.syn_sent: must be between 1 and 2147483647, got 0",
            "t.yaml:11:41: topology.sites[0].conntrack-timeouts.establised: unknown key 'establised' (did you mean 'established'?)",
            "t.yaml:11:57: topology.sites[0].conntrack-timeouts.tcp_close: unknown key 'tcp_close'; allowed here: "
                + "syn_sent, syn_recv, established, fin_wait, close_wait, last_ack, time_wait, close, unacknowledged, max_retrans");
    }

    @Test
    void jitterNeedsLatency() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  jitter: 5ms
                  peers: [alice]
            """))).containsExactly("t.yaml:7:15: topology.sites[0].jitter: jitter needs latency "
            + "(the delay varies around it); add latency:");
    }

    @Test
    void jitterAtMostLatency() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  latency: 10ms
                  jitter: 15ms
                  peers: [alice]
            """))).containsExactly("t.yaml:8:15: topology.sites[0].jitter: jitter 15ms exceeds latency 10ms "
            + "(the delay is uniform in latency +- jitter and cannot be negative)");
    }

    @Test
    void runSettingRanges() {
        assertThat(errors(sites(HOME_A) + """
            budget: -1s
            timeout: 0ms
            trials: 0
            min-success-rate: 1.5
            echo-bytes: -3
            strategies: []
            """)).containsExactly(
            "t.yaml:10:9: budget: '-1s' is negative; durations must be 0 or more",
            "t.yaml:11:10: timeout: must be more than 0",
            "t.yaml:12:9: trials: must be between 1 and 10000, got 0",
            "t.yaml:13:19: min-success-rate: must be between 0 and 1, got 1.5",
            "t.yaml:14:13: echo-bytes: must be between 1 and 67108864, got -3",
            "t.yaml:15:13: strategies: needs at least one of listen-connect, connect-only (or leave it out)");
    }

    @Test
    void timeoutShorterThanBudget() {
        assertThat(errors(sites(HOME_A) + "budget: 4s\ntimeout: 3s\n")).containsExactly(
            "t.yaml:11:10: timeout: is shorter than the budget (4000 ms); a trial could never use its budget");
    }

    @Test
    void rendezvousSiteAndPort() {
        assertThat(errors(sites(HOME_A).replace("  internet: {peers: [carol]}\n",
            "  internet: {peers: [carol]}\n  rendezvous: {site: home-b, port: 70000, token: ''}\n"))).containsExactly(
            "t.yaml:4:22: topology.rendezvous.site: unknown site 'home-b' (did you mean 'home-a'?); sites: home-a; "
                + "leave site: out to put the server on the internet",
            "t.yaml:4:36: topology.rendezvous.port: must be between 1 and 65534, got 70000",
            "t.yaml:4:50: topology.rendezvous.token: must not be empty (the same rule as punch.jar's --token)");
    }

    @Test
    void wrongShapes() {
        assertThat(errors("""
            description: d
            topology:
              sites:
                name: home-a
              internet: [carol]
            punches: [{peers: alice}]
            """)).containsExactly(
            "t.yaml:4:5: topology.sites: expected a list, got a mapping",
            "t.yaml:5:13: topology.internet: expected a mapping (key: value lines), got a list",
            "t.yaml:6:19: punches[0].peers: expected a list, got a string ('alice')");
    }

    @Test
    void subnetsNeedRoomForTheirHosts() {
        assertThat(errors(sites("""
                - name: home-a
                  nat: full-cone
                  lan: 10.20.1.0/30
                  peers: [alice, bob]
            """))).containsExactly("t.yaml:7:12: topology.sites[0].lan: 10.20.1.0/30 has room for 2 host(s) but needs 4 "
            + "(Docker's gateway, the router, 2 peer(s))");
    }
}
