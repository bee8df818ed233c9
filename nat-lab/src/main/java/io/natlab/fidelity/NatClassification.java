package io.natlab.fidelity;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.UnsolicitedPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a NAT path measurably does (RFC 4787 / 5382 terms), from plain-tool observations.
 *
 * @param mapping        endpoint-independent or address-and-port-dependent ({@code null}: flows failed)
 * @param portAssignment preserving, sequential or random ({@code null}: flows failed)
 * @param portDelta      the constant step between new public ports when sequential, else {@code null}
 * @param filtering      who could get in after an outbound flow
 * @param unsolicited    the reply to an unsolicited SYN seen from outside
 * @param hairpin        whether an inside host reached another through the public address; {@code null}: not measurable
 * @param evidence       the observations behind each verdict
 * @param delay          the round trip the path adds, claimed and measured; {@code null}: not measured
 */
public record NatClassification(Mapping mapping, PortAssignment portAssignment, Integer portDelta, Filtering filtering,
                                UnsolicitedPolicy unsolicited, Boolean hairpin, List<String> evidence, PathDelay delay) {

    public NatClassification { evidence = List.copyOf(evidence); }

    /** Without a delay measurement. */
    public NatClassification(Mapping mapping, PortAssignment portAssignment, Integer portDelta, Filtering filtering,
                             UnsolicitedPolicy unsolicited, Boolean hairpin, List<String> evidence) {
        this(mapping, portAssignment, portDelta, filtering, unsolicited, hairpin, evidence, null);
    }

    /**
     * Differences from a claim, one readable line each (empty: the path does what it claims). Only what was
     * measured is compared: a property whose probe was lost is {@link #unmeasured not measured}, never a
     * contradiction. The sequential delta is compared only when the claim is sequential.
     */
    public List<String> mismatches(NatBehaviour claimed, RouterOptions claimedOptions) {
        List<String> m = new ArrayList<>();
        compare(m, "mapping", claimed.mapping(), mapping, Mapping::yamlName);
        compare(m, "port-assignment", claimed.portAssignment(), portAssignment, PortAssignment::yamlName);
        if (claimed.portAssignment() == PortAssignment.SEQUENTIAL && portAssignment == PortAssignment.SEQUENTIAL
            && !Objects.equals(portDelta, claimed.portDelta()))
            m.add("port-delta: claimed " + claimed.portDelta() + ", measured " + portDelta);
        compare(m, "filtering", claimed.filtering(), filtering, Filtering::yamlName);
        compare(m, "unsolicited", claimedOptions.unsolicited(), unsolicited, UnsolicitedPolicy::yamlName);
        if (hairpin != null && hairpin != claimedOptions.hairpin())
            m.add("hairpin: claimed " + claimedOptions.hairpin() + ", measured " + hairpin);
        if (delay != null) m.addAll(delay.mismatches()); // the delay carries its own (whole-path) claim
        return m;
    }

    private static <T> void compare(List<String> out, String axis, T claimed, T measured, java.util.function.Function<T, String> name) {
        if (measured != null && !Objects.equals(claimed, measured))
            out.add(axis + ": claimed " + name.apply(claimed) + ", measured " + name.apply(measured));
    }

    /**
     * Claimed properties the probes could not measure, one line each: a lost probe (mapping and port assignment
     * come from the outbound flows), or hairpinning claimed on a site where it cannot be measured (it needs two peers
     * on the site's own LAN). These read "not measured", never "as claimed".
     */
    public List<String> unmeasured(NatBehaviour claimed, RouterOptions claimedOptions) {
        List<String> m = new ArrayList<>();
        if (mapping == null) m.add("mapping: claimed " + claimed.mapping().yamlName() + ", not measured (the probe flows were lost)");
        if (portAssignment == null)
            m.add("port-assignment: claimed " + claimed.portAssignment().yamlName() + ", not measured (the probe flows were lost)");
        if (hairpin == null && claimedOptions.hairpin())
            m.add("hairpin: claimed on, not measured (needs two peers on the site's own LAN)");
        return m;
    }

    /** One line, e.g. {@code mapping=endpoint-independent ports=preserving filtering=... unsolicited=drop hairpin=not-measured}. */
    public String summary() {
        return "mapping=" + (mapping == null ? "not-measured" : mapping.yamlName())
            + " ports=" + (portAssignment == null ? "not-measured" : portAssignment.yamlName()) + (portDelta == null ? "" : "(+" + portDelta + ")")
            + " filtering=" + filtering.yamlName() + " unsolicited=" + unsolicited.yamlName()
            + " hairpin=" + (hairpin == null ? "not-measured" : hairpin) + (delay == null ? "" : " " + delay.summary());
    }
}
