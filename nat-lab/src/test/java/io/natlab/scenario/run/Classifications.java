package io.natlab.scenario.run;

import io.natlab.fidelity.NatClassification;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Classifications for tests: what a faithful single-router site would measure. */
public final class Classifications {
    private Classifications() {}

    public static NatClassification asClaimed(Site s) {
        return new NatClassification(s.nat().mapping(), s.nat().portAssignment(),
            s.nat().portAssignment() == PortAssignment.SEQUENTIAL ? s.nat().portDelta() : null,
            s.nat().filtering(), s.router().unsolicited(), null, List.of("fake measurement"));
    }

    /** A faithful lab: every requested site measures as it claims. */
    public static Map<String, NatClassification> asClaimed(Topology t, List<String> sites) {
        Map<String, NatClassification> out = new LinkedHashMap<>();
        sites.forEach(name -> out.put(name, asClaimed(t.site(name).orElseThrow())));
        return out;
    }
}
