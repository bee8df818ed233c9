package io.natlab.topology.yaml;

import io.natlab.yaml.Located;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Problems;
import io.natlab.yaml.Scalars;
import io.natlab.yaml.YamlNode;
import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Subnet;
import io.natlab.topology.UnsolicitedPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one entry of {@code topology.sites}: the preset, per-axis overrides on top of it, router options. */
final class SiteReader {

    static final Map<String, NatPreset> PRESETS = Scalars.names(NatPreset.values(), NatPreset::yamlName);
    static final Map<String, Mapping> MAPPINGS = Scalars.names(Mapping.values(), Mapping::yamlName);
    static final Map<String, PortAssignment> PORT_ASSIGNMENTS = Scalars.names(PortAssignment.values(), PortAssignment::yamlName);
    static final Map<String, Filtering> FILTERINGS = Scalars.names(Filtering.values(), Filtering::yamlName);
    static final Map<String, UnsolicitedPolicy> UNSOLICITED = Scalars.names(UnsolicitedPolicy.values(), UnsolicitedPolicy::yamlName);

    /** Upper bound of {@code port-delta}: a sequential NAT striding further would look random anyway. */
    static final int MAX_PORT_DELTA = 1024;

    private SiteReader() {}

    static Optional<SiteDraft> read(YamlNode node, String path, Problems problems) {
        Optional<MappingReader> r = MappingReader.of(node, path, YamlKeys.SITE, problems);
        if (r.isEmpty()) return Optional.empty();
        MappingReader site = r.get();

        Located<String> name = site.required("name", "every site needs a name; it is also the router's host name")
            .flatMap(n -> Scalars.string(n, site.path("name"), problems)
                .map(s -> new Located<>(s, site.path("name"), n.where())))
            .orElse(null);
        NatPreset preset = readPreset(site);
        NatBehaviour nat = behaviour(site, preset);
        RouterOptions router = routerOptions(site);
        Located<Subnet> lan = subnet(site, "lan");
        Located<String> behind = site.string("behind").map(b -> new Located<>(b, site.path("behind"), site.whereOf("behind"))).orElse(null);
        List<Located<String>> peers = names(site, "peers");
        return Optional.of(new SiteDraft(path, name, preset, nat, router, lan, behind, peers, site.where()));
    }

    private static NatPreset readPreset(MappingReader site) {
        Map<String, NatPreset> offered = new LinkedHashMap<>(PRESETS);
        offered.remove(NatPreset.NONE.yamlName());
        Optional<YamlNode> node = site.required("nat", "one of " + String.join(", ", offered.keySet()));
        if (node.isEmpty()) return null;
        Optional<String> text = Scalars.string(node.get(), site.path("nat"), site.problems());
        if (text.isEmpty()) return null;
        if (text.get().equals(NatPreset.NONE.yamlName())) {
            site.error("nat", "'none' is not a site: a host without NAT is a public peer; list it under topology.internet.peers");
            return null;
        }
        return Scalars.choice(node.get(), site.path("nat"), "NAT preset", offered, site.problems()).orElse(null);
    }

    /**
     * The preset's behaviour with the overrides applied, or null when the preset is unknown or the combination
     * is impossible (errors recorded). Overrides are checked even without a usable preset.
     */
    static NatBehaviour behaviour(MappingReader site, NatPreset preset) {
        Optional<Mapping> mapping = site.choice("mapping", "mapping", MAPPINGS);
        Optional<PortAssignment> assignment = site.choice("port-assignment", "port assignment", PORT_ASSIGNMENTS);
        Optional<Long> delta = site.integer("port-delta", 1, MAX_PORT_DELTA);
        Optional<Filtering> filtering = site.choice("filtering", "filtering", FILTERINGS);
        if (preset == null || preset.behaviour() == null) return null;
        NatBehaviour b = preset.behaviour();
        if (mapping.isPresent()) b = b.withMapping(mapping.get());
        if (assignment.isPresent()) b = b.withPortAssignment(assignment.get());
        if (filtering.isPresent()) b = b.withFiltering(filtering.get());
        if (b.portAssignment() == PortAssignment.SEQUENTIAL) b = b.withPortDelta(delta.map(Long::intValue).orElse(Math.max(1, b.portDelta())));
        else b = b.withPortDelta(0);

        boolean ok = true;
        // Linux can only pick a new port per flow (random/sequential) for address-and-port-dependent mapping,
        // and plain MASQUERADE's port preservation is endpoint-independent by nature.
        String blame = assignment.isPresent() || mapping.isEmpty() ? "port-assignment" : "mapping";
        if (b.mapping() == Mapping.ENDPOINT_INDEPENDENT && b.portAssignment() != PortAssignment.PRESERVING) {
            site.error(blame, "endpoint-independent mapping cannot use " + b.portAssignment().yamlName()
                + " port assignment on Linux (a new port per flow is address-and-port-dependent mapping); use "
                + "port-assignment: preserving, or mapping: address-and-port-dependent");
            ok = false;
        } else if (b.mapping() == Mapping.ADDRESS_AND_PORT_DEPENDENT && b.portAssignment() == PortAssignment.PRESERVING) {
            site.error(blame, "address-and-port-dependent mapping needs port-assignment random or sequential: "
                + "with preserving, Linux keeps the same public port towards every destination, which is endpoint-independent");
            ok = false;
        }
        if (site.node("port-delta").isPresent() && b.portAssignment() != PortAssignment.SEQUENTIAL) {
            site.error("port-delta", "port-delta only applies to port-assignment: sequential (this site's is "
                + b.portAssignment().yamlName() + ")");
            ok = false;
        }
        boolean badDelta = site.node("port-delta").isPresent() && delta.isEmpty();
        return ok && !badDelta ? b : null;
    }

    private static RouterOptions routerOptions(MappingReader site) {
        RouterOptions d = RouterOptions.defaults();
        UnsolicitedPolicy unsolicited = site.choice("unsolicited", "unsolicited policy", UNSOLICITED).orElse(d.unsolicited());
        boolean hairpin = site.bool("hairpin").orElse(d.hairpin());
        double loss = site.number("loss", 0, 100).orElse(d.lossPercent());
        Duration latency = site.duration("latency").orElse(d.latency());
        Duration up = site.duration("latency-up").orElse(latency), down = site.duration("latency-down").orElse(latency);
        Duration jitter = site.duration("jitter").orElse(d.jitter());
        Duration least = up.compareTo(down) < 0 ? up : down;
        if (!jitter.isZero() && least.isZero()) {
            site.error("jitter", "jitter needs latency (the delay varies around it); add latency:");
        } else if (jitter.compareTo(least) > 0) {
            site.error("jitter", "jitter " + jitter.toMillis() + "ms exceeds latency " + least.toMillis()
                + "ms (the delay is uniform in latency +- jitter and cannot be negative)");
        }
        return new RouterOptions(unsolicited, hairpin, loss, latency, jitter, conntrackTimeouts(site), up, down);
    }

    private static Map<String, Integer> conntrackTimeouts(MappingReader site) {
        Map<String, Integer> timeouts = new LinkedHashMap<>();
        site.node("conntrack-timeouts")
            .flatMap(n -> MappingReader.of(n, site.path("conntrack-timeouts"), YamlKeys.CONNTRACK_TIMEOUTS, site.problems()))
            .ifPresent(t -> YamlKeys.CONNTRACK_TIMEOUTS.forEach(key ->
                t.integer(key, 1, Integer.MAX_VALUE).ifPresent(seconds -> timeouts.put(key, seconds.intValue()))));
        return Map.copyOf(timeouts);
    }

    /** A CIDR value under {@code key}, or null (absent, or invalid with the error recorded). */
    static Located<Subnet> subnet(MappingReader m, String key) {
        Optional<String> text = m.string(key);
        if (text.isEmpty()) return null;
        try {
            return new Located<>(Subnet.parse(text.get().trim()), m.path(key), m.whereOf(key));
        } catch (IllegalArgumentException e) {
            m.error(key, e.getMessage());
            return null;
        }
    }

    /** A list of host names under {@code key}; empty when absent. Name rules are checked across the topology. */
    static List<Located<String>> names(MappingReader m, String key) {
        List<Located<String>> names = new ArrayList<>();
        m.list(key).ifPresent(list -> {
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String itemPath = m.path(key) + "[" + i + "]";
                Scalars.string(item, itemPath, m.problems()).ifPresent(s -> names.add(new Located<>(s, itemPath, item.where())));
            }
        });
        return names;
    }
}
