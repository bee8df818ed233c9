package io.natlab.scenario.theory;

import io.natlab.scenario.Expectation;
import io.natlab.punch.Strategy;
import io.natlab.scenario.TestTopologies;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static io.natlab.punch.Strategy.CONNECT_ONLY;
import static io.natlab.punch.Strategy.LISTEN_CONNECT;
import static io.natlab.topology.NatPreset.*;
import static org.assertj.core.api.Assertions.assertThat;

class TheoryOracleTest {

    /** One peer per NAT type ("a" and "b" sides), public peers pub-a/pub-b. */
    private static Topology matrix(UnsolicitedPolicy policy) {
        TestTopologies t = TestTopologies.topology().publicPeer("none-a").publicPeer("none-b");
        for (NatPreset p : new NatPreset[] {FULL_CONE, RESTRICTED_CONE, PORT_RESTRICTED_CONE, SYMMETRIC, SYMMETRIC_SEQUENTIAL}) {
            t.site(p.yamlName() + "-1", p, policy, p.yamlName() + "-a");
            t.site(p.yamlName() + "-2", p, policy, p.yamlName() + "-b");
        }
        return t.build();
    }

    private static Prediction predict(Topology t, String a, String b, Strategy s) {
        return TheoryOracle.predict(t, a, b, s);
    }

    @ParameterizedTest(name = "{0} x {1} listen-connect -> {2} ({3})")
    @CsvSource({
        "none, none, direct, endpoint-independent",
        "none, full-cone, direct, endpoint-independent",
        "none, port-restricted-cone, direct, endpoint-independent",
        "full-cone, restricted-cone, direct, endpoint-independent",
        "port-restricted-cone, port-restricted-cone, direct, endpoint-independent",
        "none, symmetric, direct, symmetric-through-listener",
        "full-cone, symmetric, direct, symmetric-through-listener",
        "restricted-cone, symmetric, direct, symmetric-through-listener",
        "port-restricted-cone, symmetric, failed, symmetric-vs-port-restricted",
        "symmetric, port-restricted-cone, failed, symmetric-vs-port-restricted",
        "symmetric, symmetric, failed, symmetric-vs-symmetric",
        "symmetric-sequential, port-restricted-cone, direct, sequential-port-prediction",
        "symmetric-sequential, symmetric-sequential, direct, sequential-port-prediction",
        "symmetric-sequential, symmetric, failed, symmetric-vs-symmetric",
        "symmetric-sequential, restricted-cone, direct, sequential-port-prediction",
    })
    void matrixUnderDropWithListener(String a, String b, String outcome, String rule) {
        Prediction p = predict(matrix(UnsolicitedPolicy.DROP), a + "-a", b + "-b", LISTEN_CONNECT);
        assertThat(p.outcome().yamlName()).isEqualTo(outcome);
        assertThat(p.ruleId()).isEqualTo(rule);
        assertThat(p.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} x {1} connect-only -> {2} ({3})")
    @CsvSource({
        "port-restricted-cone, port-restricted-cone, direct, endpoint-independent",
        "restricted-cone, port-restricted-cone, direct, endpoint-independent",
        "none, port-restricted-cone, direct, connect-only-early-syn-race",
        "full-cone, port-restricted-cone, direct, connect-only-early-syn-race",
        "full-cone, symmetric, failed, symmetric-needs-listener",
        "symmetric, restricted-cone, failed, symmetric-needs-listener",
        "symmetric, port-restricted-cone, failed, symmetric-vs-port-restricted",
    })
    void connectOnly(String a, String b, String outcome, String rule) {
        Prediction p = predict(matrix(UnsolicitedPolicy.DROP), a + "-a", b + "-b", CONNECT_ONLY);
        assertThat(p.outcome().yamlName()).isEqualTo(outcome);
        assertThat(p.ruleId()).isEqualTo(rule);
    }

    @Test
    void predictionDoesNotDependOnRoleOrder() {
        Topology t = matrix(UnsolicitedPolicy.DROP);
        for (String a : t.allPeers())
            for (String b : t.allPeers())
                for (Strategy s : Strategy.values())
                    if (!a.equals(b))
                        assertThat(predict(t, a, b, s).outcome()).as(a + " x " + b + " " + s)
                            .isEqualTo(predict(t, b, a, s).outcome());
    }

    @Test
    void rstPolicyPredictsDirectThroughRetries() {
        Prediction p = predict(matrix(UnsolicitedPolicy.RST), "port-restricted-cone-a", "port-restricted-cone-b", LISTEN_CONNECT);
        assertThat(p.outcome()).isEqualTo(Expectation.DIRECT);
        assertThat(p.ruleId()).isEqualTo("rst-needs-retries");
        assertThat(p.reason()).contains("retries");
    }

    @Test
    void icmpPolicyIsARaceWithEitherStrategy() {
        Topology t = matrix(UnsolicitedPolicy.ICMP);
        for (Strategy s : Strategy.values()) {
            Prediction p = predict(t, "port-restricted-cone-a", "port-restricted-cone-b", s);
            assertThat(p.ruleId()).isEqualTo("icmp-early-syn-race");
            assertThat(p.outcome()).isEqualTo(Expectation.FAILED);
        }
        TheoryRule rule = TheoryOracle.RULES.stream().filter(r -> r.id().equals("icmp-early-syn-race")).findFirst().orElseThrow();
        assertThat(rule.evidence()).contains("prc-icmp");
    }

    @Test
    void portPredictionCountsOnlyForImplementationsThatDeclareIt() {
        Topology t = matrix(UnsolicitedPolicy.DROP);
        Prediction none = TheoryOracle.predict(t, "symmetric-sequential-a", "port-restricted-cone-b", LISTEN_CONNECT,
            Set.of());
        assertThat(none.outcome()).isEqualTo(Expectation.FAILED);
        assertThat(none.ruleId()).isEqualTo("symmetric-vs-port-restricted");
        Prediction declared = TheoryOracle.predict(t, "symmetric-sequential-a", "port-restricted-cone-b", LISTEN_CONNECT,
            Set.of(io.natlab.impl.Capability.PORT_PREDICTION));
        assertThat(declared.outcome()).isEqualTo(Expectation.DIRECT);
        assertThat(declared.ruleId()).isEqualTo("sequential-port-prediction");
        assertThat(TheoryOracle.resolve(Expectation.AUTO, t, "symmetric-sequential-a", "port-restricted-cone-b",
            LISTEN_CONNECT, Set.of()).ruleId()).isEqualTo("symmetric-vs-port-restricted");
    }

    @Test
    void portPredictionNeedsDroppedEarlySynsAListenerAndOneSequentialLayer() {
        assertThat(predict(matrix(UnsolicitedPolicy.RST), "symmetric-sequential-a", "port-restricted-cone-b",
            LISTEN_CONNECT).outcome()).isEqualTo(Expectation.FAILED);
        assertThat(predict(matrix(UnsolicitedPolicy.DROP), "symmetric-sequential-a", "port-restricted-cone-b",
            CONNECT_ONLY).ruleId()).isNotEqualTo("sequential-port-prediction");
        Topology nested = TestTopologies.topology()
            .site("cgn", SYMMETRIC_SEQUENTIAL, UnsolicitedPolicy.DROP, false, null)
            .site("home", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, "cgn", "alice")
            .site("other", PORT_RESTRICTED_CONE, "bob")
            .build();
        assertThat(predict(nested, "alice", "bob", LISTEN_CONNECT).ruleId()).isEqualTo("symmetric-vs-port-restricted");
    }

    @Test
    void rstDoesNotRescueSymmetricAgainstPortRestricted() {
        Prediction p = predict(matrix(UnsolicitedPolicy.RST), "symmetric-a", "port-restricted-cone-b", LISTEN_CONNECT);
        assertThat(p.outcome()).isEqualTo(Expectation.FAILED);
    }

    @Test
    void sameLanSucceedsViaPrivateEndpointsWhateverTheNatAndHairpin() {
        for (boolean hairpin : new boolean[] {true, false}) {
            Topology t = TestTopologies.topology()
                .site("home", SYMMETRIC, UnsolicitedPolicy.DROP, hairpin, null, "alice", "bob").build();
            Prediction p = predict(t, "alice", "bob", LISTEN_CONNECT);
            assertThat(p.outcome()).isEqualTo(Expectation.DIRECT);
            assertThat(p.ruleId()).isEqualTo("same-lan");
        }
    }

    @Test
    void homesBehindOneCarrierNatNeedItsHairpinning() {
        for (boolean hairpin : new boolean[] {true, false}) {
            Topology t = TestTopologies.topology()
                .site("cgn", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, hairpin, null)
                .site("home-a", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, "cgn", "alice")
                .site("home-b", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, "cgn", "bob")
                .build();
            Prediction p = predict(t, "alice", "bob", LISTEN_CONNECT);
            if (hairpin) {
                assertThat(p.outcome()).isEqualTo(Expectation.DIRECT);
                assertThat(p.ruleId()).isEqualTo("endpoint-independent");
                assertThat(p.reason()).startsWith("through cgn's hairpinning");
            } else {
                assertThat(p.outcome()).isEqualTo(Expectation.FAILED);
                assertThat(p.ruleId()).isEqualTo("shared-nat-no-hairpin");
            }
        }
    }

    @Test
    void nestedPathComposesMappingAndFiltering() {
        Topology t = TestTopologies.topology()
            .site("cgn", SYMMETRIC, UnsolicitedPolicy.DROP, false, null)
            .site("home", FULL_CONE, UnsolicitedPolicy.DROP, false, "cgn", "alice")
            .site("other", PORT_RESTRICTED_CONE, "bob")
            .build();
        PairPaths paths = PairPaths.of(t, "alice", "bob");
        assertThat(paths.first().symmetric()).isTrue();
        assertThat(paths.first().label()).isEqualTo("full-cone behind symmetric");
        assertThat(paths.sharedNat()).isEmpty();
        assertThat(predict(t, "alice", "bob", LISTEN_CONNECT).ruleId()).isEqualTo("symmetric-vs-port-restricted");
    }

    @Test
    void peerOnTheCarrierLanReachesAHomeBehindItWithoutHairpinning() {
        Topology t = TestTopologies.topology()
            .site("cgn", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, null, "carol")
            .site("home", PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, "cgn", "alice")
            .build();
        assertThat(predict(t, "alice", "carol", LISTEN_CONNECT).outcome()).isEqualTo(Expectation.DIRECT);
    }

    @Test
    void declaredExpectationsAreTakenAsWritten() {
        Topology t = matrix(UnsolicitedPolicy.DROP);
        Prediction p = TheoryOracle.resolve(Expectation.FAILED, t, "none-a", "none-b", LISTEN_CONNECT);
        assertThat(p.outcome()).isEqualTo(Expectation.FAILED);
        assertThat(p.ruleId()).isEqualTo("declared");
    }

    @Test
    void everyRuleIsReachableAndRenderedInTheTable() {
        Set<String> hit = new HashSet<>();
        for (UnsolicitedPolicy pol : UnsolicitedPolicy.values()) {
            Topology t = matrix(pol);
            for (String a : t.allPeers()) for (String b : t.allPeers()) for (Strategy s : Strategy.values())
                if (!a.equals(b)) hit.add(predict(t, a, b, s).ruleId());
        }
        hit.add("same-lan");
        hit.add("shared-nat-no-hairpin");
        String md = TheoryOracle.markdownTable();
        for (TheoryRule r : TheoryOracle.RULES) {
            assertThat(hit).as("reachable").contains(r.id());
            assertThat(md).contains("`" + r.id() + "`");
        }
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(TheoryOracle.RULES.size() + 1);
    }
}
