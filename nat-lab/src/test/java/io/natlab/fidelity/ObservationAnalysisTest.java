package io.natlab.fidelity;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationAnalysisTest {
    private static final String PUB = "198.18.0.5", P1 = "198.18.0.3", P2 = "198.18.0.4";

    /** Flows as the classifier makes them: local 20000 x3 (p1:A, p1:B, p2:A), then 20001..20003 to p1:A. */
    private static List<ObservedFlow> flows(int... publicPorts) {
        int[][] plan = {{20000, 0, 7101}, {20000, 0, 7102}, {20000, 1, 7101}, {20001, 0, 7101}, {20002, 0, 7101}, {20003, 0, 7101}};
        return java.util.stream.IntStream.range(0, plan.length).mapToObj(i ->
            new ObservedFlow(plan[i][0], plan[i][1] == 0 ? P1 : P2, plan[i][2], publicPorts[i] < 0 ? null : PUB, publicPorts[i])).toList();
    }

    private static NatClassification classify(List<ObservedFlow> f, boolean in1, boolean in2) {
        return ObservationAnalysis.classify(new NatObservations(f, PUB, in1, in2, UnsolicitedPolicy.DROP, null, List.of()));
    }

    @Test void samePortEverywhereAndLocalPortsKeptIsEndpointIndependentPreserving() {
        NatClassification c = classify(flows(20000, 20000, 20000, 20001, 20002, 20003), false, false);
        assertThat(c.mapping()).isEqualTo(Mapping.ENDPOINT_INDEPENDENT);
        assertThat(c.portAssignment()).isEqualTo(PortAssignment.PRESERVING);
        assertThat(c.portDelta()).isNull();
        assertThat(c.filtering()).isEqualTo(Filtering.ADDRESS_AND_PORT_DEPENDENT);
    }

    @Test void aNewPortPerDestinationWithAConstantStepIsSequential() {
        NatClassification c = classify(flows(10000, 10003, 10006, 10009, 10012, 10015), false, false);
        assertThat(c.mapping()).isEqualTo(Mapping.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(c.portAssignment()).isEqualTo(PortAssignment.SEQUENTIAL);
        assertThat(c.portDelta()).isEqualTo(3);
    }

    @Test void aNewPortPerDestinationWithoutPatternIsRandom() {
        NatClassification c = classify(flows(47247, 5221, 26095, 11347, 4336, 12389), false, false);
        assertThat(c.mapping()).isEqualTo(Mapping.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(c.portAssignment()).isEqualTo(PortAssignment.RANDOM);
    }

    @Test void aGapLeftByAnInterleavedFlowIsStillSequential() {
        // Seen in CI: the router's numgen counter is global, so another flow took 10004 between two probes.
        NatClassification c = classify(flows(10000, 10001, 10002, 10003, 10005, 10006), false, false);
        assertThat(c.portAssignment()).isEqualTo(PortAssignment.SEQUENTIAL);
        assertThat(c.portDelta()).isEqualTo(1);
    }

    @Test void stepsThatGoBackOrJumpFarAreRandom() {
        assertThat(classify(flows(10000, 10001, 10002, 10001, 10003, 10004), false, false).portAssignment()).isEqualTo(PortAssignment.RANDOM);
        assertThat(classify(flows(10000, 10001, 10002, 10010, 10011, 10012), false, false).portAssignment()).isEqualTo(PortAssignment.RANDOM);
        assertThat(classify(flows(10000, 10002, 10005, 10007, 10010, 10012), false, false).portAssignment()).isEqualTo(PortAssignment.RANDOM);
    }

    @Test void endpointIndependentButRemappedPortsAreJudgedOnFreshMappingsOnly() {
        NatClassification c = classify(flows(30000, 30000, 30000, 30002, 30004, 30006), false, false);
        assertThat(c.mapping()).isEqualTo(Mapping.ENDPOINT_INDEPENDENT);
        assertThat(c.portAssignment()).isEqualTo(PortAssignment.SEQUENTIAL);
        assertThat(c.portDelta()).isEqualTo(2);
    }

    @Test void addressDependentMappingIsReportedWithEvidence() {
        NatClassification c = classify(flows(20000, 20000, 41000, 20001, 20002, 20003), false, false);
        assertThat(c.mapping()).isEqualTo(Mapping.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(c.evidence()).anyMatch(e -> e.contains("address-dependent mapping"));
    }

    @Test void filteringFollowsWhoGotIn() {
        List<ObservedFlow> f = flows(20000, 20000, 20000, 20001, 20002, 20003);
        assertThat(classify(f, true, true).filtering()).isEqualTo(Filtering.ENDPOINT_INDEPENDENT);
        assertThat(classify(f, true, false).filtering()).isEqualTo(Filtering.ADDRESS_DEPENDENT);
        assertThat(classify(f, false, false).filtering()).isEqualTo(Filtering.ADDRESS_AND_PORT_DEPENDENT);
    }

    @Test void failedFlowsLeaveMappingUnknown() {
        NatClassification c = classify(flows(20000, -1, 20000, 20001, 20002, 20003), false, false);
        assertThat(c.mapping()).isNull();
        assertThat(c.portAssignment()).isNull();
        assertThat(c.evidence()).anyMatch(e -> e.contains("not measurable"));
    }

    @Test void aForeignPublicAddressIsFlagged() {
        List<ObservedFlow> f = new java.util.ArrayList<>(flows(20000, 20000, 20000, 20001, 20002, 20003));
        f.set(0, new ObservedFlow(20000, P1, 7101, "10.9.9.9", 20000));
        assertThat(classify(f, false, false).evidence()).anyMatch(e -> e.startsWith("WARNING") && e.contains("10.9.9.9"));
    }
}
