package io.natlab.scenario.run.fidelity;

import io.natlab.fidelity.NatClassification;
import io.natlab.scenario.theory.NatLayer;
import io.natlab.scenario.theory.NatPath;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a lab measured about each NAT path of its topology, compared with what the scenario claims. A path is
 * measured from a site that has peers of its own, out through every router to the internet, so for a nested site
 * it is the composed path ({@code home-a behind cgn}); a carrier with no peers is seen through the homes behind it.
 * Measured once per lab (labs are reused), and a contradiction is a lab fidelity problem, reported next to the
 * verdicts, never folded into them. Pure.
 *
 * @param state     whether the lab was measured
 * @param paths     innermost site name -> its path's measurement, topology order
 * @param error     why the measurement failed ({@link State#FAILED}), else null
 * @param measureMs time the measurement took (0 when skipped or reused)
 */
public record LabFidelity(State state, Map<String, PathFidelity> paths, String error, double measureMs) {

    public enum State { MEASURED, SKIPPED, FAILED }

    /**
     * @param label      the path's name in results: the site, or {@code home-a behind cgn} when nested
     * @param summary    {@link NatClassification#summary()}
     * @param mismatches differences from the claim, one line each (empty: the path does what it claims)
     * @param unmeasured claimed properties the probes could not measure: neither confirmed nor contradicted
     */
    public record PathFidelity(String label, String summary, List<String> mismatches, List<String> unmeasured) {
        public PathFidelity { mismatches = List.copyOf(mismatches); unmeasured = List.copyOf(unmeasured); }

        public PathFidelity(String label, String summary, List<String> mismatches) { this(label, summary, mismatches, List.of()); }
    }

    public LabFidelity { paths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paths)); }

    /** Classification turned off ({@code --no-classify}, {@code -Dnatlab.classify=false}). */
    public static final LabFidelity SKIPPED = new LabFidelity(State.SKIPPED, Map.of(), null, 0);

    /** @param error why; kept to one line of at most 300 characters (it lands in every pair's cell) */
    public static LabFidelity failed(String error, double measureMs) {
        String line = error.strip().replaceAll("\\s+", " ");
        return new LabFidelity(State.FAILED, Map.of(), line.length() <= 300 ? line : line.substring(0, 299) + "…", measureMs);
    }

    /** The sites to measure: every site with peers of its own (each one's path covers the carriers above it). */
    public static List<String> measuredSites(Topology t) {
        return t.sites().stream().filter(s -> !s.peers().isEmpty()).map(Site::name).toList();
    }

    /** Compares each measured path with the composed claim of its routers. */
    public static LabFidelity of(Topology t, Map<String, NatClassification> measured, double measureMs) {
        Map<String, PathFidelity> paths = new LinkedHashMap<>();
        for (Map.Entry<String, NatClassification> e : measured.entrySet()) {
            List<Site> path = pathFrom(t, e.getKey());
            paths.put(e.getKey(), new PathFidelity(label(path), e.getValue().summary(), mismatches(path, e.getValue()),
                unmeasured(path, e.getValue())));
        }
        return new LabFidelity(State.MEASURED, paths, null, measureMs);
    }

    /**
     * Differences between a measured path and its claim. One router: that router's claim. Nested: mapping is
     * endpoint-independent only when every layer is, filtering is the strictest layer's, the unsolicited-SYN reply
     * is the outermost router's (the probe's SYN hits an unmapped port there), port assignment is compared only
     * when every layer preserves ports (other compositions have no single claim), hairpinning is not measurable.
     */
    static List<String> mismatches(List<Site> path, NatClassification c) {
        if (path.size() == 1) return c.mismatches(path.get(0).nat(), path.get(0).router());
        NatPath composed = new NatPath(path.stream().map(NatLayer::of).toList());
        boolean allPreserving = path.stream().allMatch(s -> s.nat().portAssignment() == PortAssignment.PRESERVING);
        NatBehaviour claim = new NatBehaviour(composed.mapping(), PortAssignment.PRESERVING, 1, composed.filtering());
        Site outermost = path.get(path.size() - 1);
        return c.mismatches(claim, outermost.router()).stream()
            .filter(m -> allPreserving || !m.startsWith("port-"))
            .toList();
    }

    /** Claimed properties not measured on the path (nested paths: hairpinning is never measurable there). */
    static List<String> unmeasured(List<Site> path, NatClassification c) {
        Site innermost = path.get(0);
        return c.unmeasured(innermost.nat(), innermost.router());
    }

    /** Path label -> summary for every path on either peer's way out (public peers have none), for a pair's result. */
    public Map<String, String> forPair(Topology t, String first, String second) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String site : innermostSites(t, first, second)) {
            PathFidelity p = paths.get(site);
            if (p != null) {
                out.put(p.label(), p.summary() + (p.mismatches().isEmpty() ? ""
                    : " — DIFFERS FROM CLAIM: " + String.join("; ", p.mismatches()))
                    + (p.unmeasured().isEmpty() ? "" : " — NOT MEASURED: " + String.join("; ", p.unmeasured())));
            } else if (state == State.FAILED) {
                out.put(label(pathFrom(t, site)), "not measured: " + error);
            }
        }
        return out;
    }

    /** Fidelity problems on either peer's path, one line each: {@code home-a: filtering: claimed ..., measured ...}. */
    public List<String> problemsForPair(Topology t, String first, String second) {
        List<String> out = new ArrayList<>();
        for (String site : innermostSites(t, first, second)) {
            PathFidelity p = paths.get(site);
            if (p != null) p.mismatches().forEach(m -> out.add(p.label() + ": " + m));
        }
        return out;
    }

    /** Every problem in the lab, for the progress line after measuring. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (state == State.FAILED) out.add("classification failed: " + error);
        paths.values().forEach(p -> p.mismatches().forEach(m -> out.add(p.label() + ": " + m)));
        return out;
    }

    private static Set<String> innermostSites(Topology t, String... peers) {
        Set<String> sites = new LinkedHashSet<>();
        for (String peer : peers) t.siteOfPeer(peer).ifPresent(s -> sites.add(s.name()));
        return sites;
    }

    private static List<Site> pathFrom(Topology t, String siteName) {
        List<Site> path = new ArrayList<>();
        for (Site s = t.site(siteName).orElseThrow(() -> new IllegalArgumentException("no site " + siteName)); s != null;
             s = s.behind() == null ? null : t.site(s.behind()).orElseThrow())
            path.add(s);
        return path;
    }

    private static String label(List<Site> path) {
        return String.join(" behind ", path.stream().map(Site::name).toList());
    }
}
