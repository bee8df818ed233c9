package io.natlab.scenario.run.fidelity;

import io.natlab.scenario.run.Classifications;

import io.natlab.fidelity.NatClassification;
import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatPreset;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.natlab.scenario.TestTopologies.topology;
import static org.assertj.core.api.Assertions.assertThat;

class LabFidelityTest {

    private static final Topology TWO_HOMES = topology().publicPeer("carol")
        .site("home-a", NatPreset.PORT_RESTRICTED_CONE, "alice")
        .site("home-b", NatPreset.PORT_RESTRICTED_CONE, "bob").build();

    /** Two homes behind a carrier that has no peers of its own. */
    private static final Topology CARRIER = topology()
        .site("cgn", NatPreset.FULL_CONE, UnsolicitedPolicy.DROP, true, null)
        .site("home-a", NatPreset.SYMMETRIC, UnsolicitedPolicy.RST, false, "cgn", "alice")
        .site("home-b", NatPreset.PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, false, "cgn", "bob").build();

    @Test
    void measuresEverySiteWithPeersOfItsOwnAndReachesCarriersThroughThem() {
        assertThat(LabFidelity.measuredSites(TWO_HOMES)).containsExactly("home-a", "home-b");
        assertThat(LabFidelity.measuredSites(CARRIER)).containsExactly("home-a", "home-b");
    }

    @Test
    void aFaithfulLabFillsThePairWithBothPathsAndNoProblems() {
        LabFidelity f = LabFidelity.of(TWO_HOMES, Classifications.asClaimed(TWO_HOMES, List.of("home-a", "home-b")), 4000);
        Map<String, String> pair = f.forPair(TWO_HOMES, "alice", "bob");
        assertThat(pair).containsOnlyKeys("home-a", "home-b");
        assertThat(pair.get("home-a")).isEqualTo(
            "mapping=endpoint-independent ports=preserving filtering=address-and-port-dependent unsolicited=drop hairpin=not-measured");
        assertThat(f.problemsForPair(TWO_HOMES, "alice", "bob")).isEmpty();
        assertThat(f.problems()).isEmpty();
        // A public peer has no NAT path: only the other side shows.
        assertThat(f.forPair(TWO_HOMES, "carol", "bob")).containsOnlyKeys("home-b");
    }

    @Test
    void aSiteThatMeasuresDifferentlyFromItsClaimIsNamedInThePairAndInTheLab() {
        NatClassification leaky = new NatClassification(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, null,
            Filtering.ENDPOINT_INDEPENDENT, UnsolicitedPolicy.DROP, null, List.of());
        Map<String, NatClassification> measured = Classifications.asClaimed(TWO_HOMES, List.of("home-a"));
        measured.put("home-b", leaky);
        LabFidelity f = LabFidelity.of(TWO_HOMES, measured, 4000);

        String claimLine = "filtering: claimed address-and-port-dependent, measured endpoint-independent";
        assertThat(f.forPair(TWO_HOMES, "alice", "bob").get("home-b")).contains("filtering=endpoint-independent")
            .contains("DIFFERS FROM CLAIM: " + claimLine);
        assertThat(f.forPair(TWO_HOMES, "alice", "bob").get("home-a")).doesNotContain("DIFFERS");
        assertThat(f.problemsForPair(TWO_HOMES, "alice", "bob")).containsExactly("home-b: " + claimLine);
        assertThat(f.problemsForPair(TWO_HOMES, "carol", "alice")).isEmpty();
        assertThat(f.problems()).containsExactly("home-b: " + claimLine);
    }

    @Test
    void aNestedPathIsJudgedAgainstTheComposedClaimNotTheCarrierAlone() {
        // symmetric home (APDM, random ports, rst) behind a full-cone carrier (EIM, EIF, drop): the path maps per
        // destination, filters like its strictest layer, and the carrier's WAN answers unsolicited SYNs (drop).
        NatClassification path = new NatClassification(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.RANDOM, null,
            Filtering.ADDRESS_AND_PORT_DEPENDENT, UnsolicitedPolicy.DROP, null, List.of());
        LabFidelity f = LabFidelity.of(CARRIER, Map.of("home-a", path), 4000);
        assertThat(f.problems()).isEmpty();
        assertThat(f.forPair(CARRIER, "alice", "bob")).containsOnlyKeys("home-a behind cgn");
    }

    @Test
    void aNestedPathThatLeaksIsStillCaught() {
        NatClassification path = new NatClassification(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, null,
            Filtering.ENDPOINT_INDEPENDENT, UnsolicitedPolicy.RST, null, List.of());
        LabFidelity f = LabFidelity.of(CARRIER, Map.of("home-b", path), 4000);
        assertThat(f.problems()).containsExactly(
            "home-b behind cgn: filtering: claimed address-and-port-dependent, measured endpoint-independent",
            "home-b behind cgn: unsolicited: claimed drop, measured rst");
    }

    @Test
    void aFailedMeasurementSaysSoForEveryPathAndSkippedSaysNothing() {
        LabFidelity f = LabFidelity.failed("probe-1 did not answer", 1500);
        assertThat(f.forPair(CARRIER, "alice", "bob")).containsExactly(
            Map.entry("home-a behind cgn", "not measured: probe-1 did not answer"),
            Map.entry("home-b behind cgn", "not measured: probe-1 did not answer"));
        assertThat(f.problems()).containsExactly("classification failed: probe-1 did not answer");
        assertThat(f.problemsForPair(CARRIER, "alice", "bob")).isEmpty();

        assertThat(LabFidelity.SKIPPED.forPair(CARRIER, "alice", "bob")).isEmpty();
        assertThat(LabFidelity.SKIPPED.problems()).isEmpty();
    }
}
