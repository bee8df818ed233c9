package io.natlab.topology.yaml;

import io.natlab.punch.protocol.Protocol;
import io.natlab.yaml.Located;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Problems;
import io.natlab.yaml.YamlNode;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the {@code topology:} mapping into a {@link Topology}, recording every problem it finds. */
public final class TopologyReader {

    /** The result: the topology when everything in it is valid, and the peers declared either way. */
    public record Result(Optional<Topology> topology, Set<String> declaredPeers) {}

    private final ReservedRanges reserved;

    public TopologyReader(ReservedRanges reserved) { this.reserved = reserved; }

    public Result read(YamlNode node, String path, String name, Path source, Problems problems) {
        int errorsBefore = problems.count();
        Optional<MappingReader> r = MappingReader.of(node, path, YamlKeys.TOPOLOGY, problems);
        if (r.isEmpty()) return new Result(Optional.empty(), Set.of());
        MappingReader topology = r.get();

        Located<Subnet> internet = null;
        List<Located<String>> publicPeers = new ArrayList<>();
        Optional<MappingReader> net = topology.node("internet")
            .flatMap(n -> MappingReader.of(n, topology.path("internet"), YamlKeys.INTERNET, problems));
        if (net.isPresent()) {
            internet = SiteReader.subnet(net.get(), "subnet");
            publicPeers = SiteReader.names(net.get(), "peers");
        }

        Rendezvous rendezvous = Rendezvous.defaults();
        Located<String> rendezvousSite = null;
        Optional<MappingReader> rv = topology.node("rendezvous")
            .flatMap(n -> MappingReader.of(n, topology.path("rendezvous"), YamlKeys.RENDEZVOUS, problems));
        if (rv.isPresent()) {
            MappingReader m = rv.get();
            rendezvousSite = m.string("site").map(s -> new Located<>(s, m.path("site"), m.whereOf("site"))).orElse(null);
            int port = m.integer("port", 1, Protocol.MAX_PORT - 1).map(Long::intValue).orElse(rendezvous.port()); // port + 1: the prediction probe
            String token = m.string("token").orElse(null);
            if (token != null && Protocol.tokenProblem(token) != null) {
                m.error("token", Protocol.tokenProblem(token) + " (the same rule as punch.jar's --token)");
            }
            rendezvous = new Rendezvous(rendezvousSite == null ? null : rendezvousSite.value(), port, token);
        }

        List<SiteDraft> sites = new ArrayList<>();
        topology.list("sites").ifPresent(list -> {
            for (int i = 0; i < list.items().size(); i++) {
                SiteReader.read(list.items().get(i), topology.path("sites") + "[" + i + "]", problems).ifPresent(sites::add);
            }
        });

        new TopologyChecks(sites, internet, publicPeers, rendezvousSite, reserved, problems).run();

        Set<String> declared = new LinkedHashSet<>();
        publicPeers.forEach(p -> declared.add(p.value()));
        sites.forEach(s -> s.peers().forEach(p -> declared.add(p.value())));
        if (problems.count() > errorsBefore) return new Result(Optional.empty(), declared);
        return new Result(Optional.of(new Topology(name, source, internet == null ? null : internet.value(),
            parentsFirst(sites), publicPeers.stream().map(Located::value).toList(), rendezvous)), declared);
    }

    /** Sites ordered by nesting depth (file order within a depth), so the lab can build parents first. */
    static List<Site> parentsFirst(List<SiteDraft> drafts) {
        Map<String, SiteDraft> byName = drafts.stream().collect(Collectors.toMap(SiteDraft::nameOrNull, Function.identity()));
        return drafts.stream()
            .sorted(Comparator.comparingInt(d -> depth(d, byName)))
            .map(SiteDraft::toSite)
            .toList();
    }

    private static int depth(SiteDraft site, Map<String, SiteDraft> byName) {
        int depth = 0;
        for (SiteDraft s = site; s.behindOrNull() != null; s = byName.get(s.behindOrNull())) depth++;
        return depth;
    }
}
