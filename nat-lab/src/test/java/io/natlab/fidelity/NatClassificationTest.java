package io.natlab.fidelity;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatPreset;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NatClassificationTest {
    private static final RouterOptions DROP = RouterOptions.defaults();

    @Test void matchingClaimHasNoMismatches() {
        NatClassification c = new NatClassification(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 1,
            Filtering.ADDRESS_AND_PORT_DEPENDENT, UnsolicitedPolicy.DROP, null, List.of());
        assertThat(c.mismatches(NatPreset.SYMMETRIC_SEQUENTIAL.behaviour(), DROP)).isEmpty();
    }

    @Test void everyAxisIsReported() {
        NatClassification c = new NatClassification(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, null,
            Filtering.ENDPOINT_INDEPENDENT, UnsolicitedPolicy.RST, true, List.of());
        assertThat(c.mismatches(NatPreset.SYMMETRIC.behaviour(), DROP)).containsExactly(
            "mapping: claimed address-and-port-dependent, measured endpoint-independent",
            "port-assignment: claimed random, measured preserving",
            "filtering: claimed address-and-port-dependent, measured endpoint-independent",
            "unsolicited: claimed drop, measured rst",
            "hairpin: claimed false, measured true");
    }

    @Test void wrongDeltaIsAMismatchOnlyForSequentialClaims() {
        NatClassification c = new NatClassification(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 2,
            Filtering.ADDRESS_AND_PORT_DEPENDENT, UnsolicitedPolicy.DROP, null, List.of());
        assertThat(c.mismatches(NatPreset.SYMMETRIC_SEQUENTIAL.behaviour().withPortDelta(3), DROP)).containsExactly("port-delta: claimed 3, measured 2");
    }

    @Test void whatWasNotMeasuredIsNeverAMismatchButReadsNotMeasured() {
        NatClassification c = new NatClassification(null, null, null, Filtering.ADDRESS_AND_PORT_DEPENDENT, UnsolicitedPolicy.ICMP, null, List.of());
        RouterOptions icmpHairpin = new RouterOptions(UnsolicitedPolicy.ICMP, true, 0, Duration.ZERO, Duration.ZERO, Map.of());
        assertThat(c.mismatches(NatPreset.PORT_RESTRICTED_CONE.behaviour(), icmpHairpin)).isEmpty();
        assertThat(c.unmeasured(NatPreset.PORT_RESTRICTED_CONE.behaviour(), icmpHairpin)).containsExactly(
            "mapping: claimed endpoint-independent, not measured (the probe flows were lost)",
            "port-assignment: claimed preserving, not measured (the probe flows were lost)",
            "hairpin: claimed on, not measured (needs two peers on the site's own LAN)");
        assertThat(c.summary()).contains("mapping=not-measured", "hairpin=not-measured");
    }

    @Test void summaryIsOneLine() {
        NatClassification c = new NatClassification(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 3,
            Filtering.ADDRESS_DEPENDENT, UnsolicitedPolicy.ICMP, false, List.of());
        assertThat(c.summary()).isEqualTo("mapping=address-and-port-dependent ports=sequential(+3) filtering=address-dependent unsolicited=icmp hairpin=false");
    }
}
