package io.natlab.topology.yaml;

import io.natlab.yaml.DidYouMean;
import io.natlab.yaml.Located;
import io.natlab.yaml.Problems;
import io.natlab.topology.Subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across the whole topology, after each part has been read: names (valid, unique, not reserved),
 * {@code behind:} references and nesting depth, the rendezvous site, and subnets (no overlaps with each
 * other or with the host's reserved ranges, room enough for their hosts). Pure.
 */
final class TopologyChecks {

    /** A site behind a site behind a site is the deepest nesting allowed. */
    static final int MAX_NAT_LAYERS = 3;

    private final List<SiteDraft> sites;
    private final Located<Subnet> internet;
    private final List<Located<String>> publicPeers;
    private final Located<String> rendezvousSite;
    private final ReservedRanges reserved;
    private final Problems problems;
    private final Map<String, SiteDraft> sitesByName = new LinkedHashMap<>();

    TopologyChecks(List<SiteDraft> sites, Located<Subnet> internet, List<Located<String>> publicPeers,
                   Located<String> rendezvousSite, ReservedRanges reserved, Problems problems) {
        this.sites = sites;
        this.internet = internet;
        this.publicPeers = publicPeers;
        this.rendezvousSite = rendezvousSite;
        this.reserved = reserved;
        this.problems = problems;
        sites.stream().filter(s -> s.name() != null).forEach(s -> sitesByName.putIfAbsent(s.name().value(), s));
    }

    void run() {
        names();
        nesting();
        rendezvous();
        subnets();
        capacity();
    }

    /** Every host name: valid, not reserved, used once across sites and peers. */
    private void names() {
        List<Located<String>> all = new ArrayList<>();
        sites.stream().filter(s -> s.name() != null).forEach(s -> all.add(s.name()));
        all.addAll(publicPeers);
        sites.forEach(s -> all.addAll(s.peers()));
        Map<String, Located<String>> first = new HashMap<>();
        for (Located<String> name : all) {
            String problem = HostNames.problem(name.value());
            if (problem != null) {
                problems.add(name.where(), name.path(), problem);
                continue;
            }
            Located<String> earlier = first.putIfAbsent(name.value(), name);
            if (earlier != null) {
                problems.add(name.where(), name.path(), "'" + name.value() + "' is already used by " + earlier.cite()
                    + "; site and peer names must be unique (they are host names)");
            }
        }
    }

    private void nesting() {
        for (SiteDraft site : sites) {
            Located<String> behind = site.behind();
            if (behind == null || site.name() == null) continue;
            if (behind.value().equals(site.name().value())) {
                problems.add(behind.where(), behind.path(), "a site cannot sit behind itself");
                continue;
            }
            if (!sitesByName.containsKey(behind.value())) {
                problems.add(behind.where(), behind.path(), "unknown site '" + behind.value() + "'"
                    + DidYouMean.hint(behind.value(), sitesByName.keySet()) + knownSites());
                continue;
            }
            List<String> chain = chainOutwards(site);
            if (chain.get(chain.size() - 1) == null) {
                chain.remove(chain.size() - 1);
                // Sites leading into a cycle stay quiet; its members report it once, at the one written first.
                boolean member = chain.get(chain.size() - 1).equals(chain.get(0));
                SiteDraft firstMember = sites.stream().filter(s -> s.name() != null && chain.contains(s.name().value()))
                    .findFirst().orElse(site);
                if (member && firstMember == site) {
                    problems.add(behind.where(), behind.path(), "nesting cycle: " + String.join(" -> ", chain)
                        + "; some site must sit on the internet");
                }
            } else if (chain.size() > MAX_NAT_LAYERS) {
                problems.add(behind.where(), behind.path(), "nested " + chain.size() + " NAT layers deep ("
                    + String.join(" behind ", chain) + "); at most " + MAX_NAT_LAYERS + " are supported");
            }
        }
    }

    /**
     * Site names from {@code site} out to the internet. When the chain loops, it ends with the repeated
     * name followed by a {@code null} marker; unknown parents end it early (reported elsewhere).
     */
    private List<String> chainOutwards(SiteDraft site) {
        List<String> chain = new ArrayList<>();
        SiteDraft current = site;
        while (current != null && current.name() != null) {
            String name = current.name().value();
            if (chain.contains(name)) {
                chain.add(name);
                chain.add(null);
                return chain;
            }
            chain.add(name);
            current = current.behindOrNull() == null ? null : sitesByName.get(current.behindOrNull());
        }
        return chain;
    }

    private void rendezvous() {
        if (rendezvousSite != null && !sitesByName.containsKey(rendezvousSite.value())) {
            problems.add(rendezvousSite.where(), rendezvousSite.path(), "unknown site '" + rendezvousSite.value() + "'"
                + DidYouMean.hint(rendezvousSite.value(), sitesByName.keySet()) + knownSites()
                + "; leave site: out to put the server on the internet");
        }
    }

    private void subnets() {
        List<Located<Subnet>> all = new ArrayList<>();
        if (internet != null) all.add(internet);
        sites.stream().filter(s -> s.lan() != null).forEach(s -> all.add(s.lan()));
        for (int i = 0; i < all.size(); i++) {
            Located<Subnet> s = all.get(i);
            reserved.conflict(s.value()).ifPresent(r -> problems.add(s.where(), s.path(), s.value() + " overlaps "
                + r.subnet() + ", " + r.reason() + "; a Docker network there would shadow it on the host. Pick another range"
                + " or leave it out to get a free one"));
            for (int j = 0; j < i; j++) {
                Located<Subnet> earlier = all.get(j);
                if (earlier.value().overlaps(s.value())) {
                    problems.add(s.where(), s.path(), s.value() + " overlaps " + earlier.path() + " " + earlier.value());
                }
            }
        }
    }

    /** Each network must hold Docker's gateway plus every host the lab attaches to it. */
    private void capacity() {
        if (internet != null) {
            long routers = sites.stream().filter(s -> s.behind() == null).count();
            boolean server = rendezvousSite == null;
            fits(internet, 1 + routers + publicPeers.size() + (server ? 1 : 0) + 2,
                "Docker's gateway, " + routers + " router(s), " + publicPeers.size() + " public peer(s), "
                    + (server ? "the rendezvous server, " : "") + "2 probes");
        }
        for (SiteDraft site : sites) {
            if (site.lan() == null || site.name() == null) continue;
            String name = site.name().value();
            long children = sites.stream().filter(s -> name.equals(s.behindOrNull())).count();
            boolean server = rendezvousSite != null && name.equals(rendezvousSite.value());
            fits(site.lan(), 2 + site.peers().size() + children + (server ? 1 : 0),
                "Docker's gateway, the router, " + site.peers().size() + " peer(s)"
                    + (children > 0 ? ", " + children + " nested router(s)" : "") + (server ? ", the rendezvous server" : ""));
        }
    }

    private void fits(Located<Subnet> net, long needed, String who) {
        long room = net.value().prefix() >= 31 ? 0 : net.value().size() - 2;
        if (room < needed) {
            problems.add(net.where(), net.path(), net.value() + " has room for " + room + " host(s) but needs "
                + needed + " (" + who + ")");
        }
    }

    private String knownSites() {
        Set<String> names = sitesByName.keySet();
        return names.isEmpty() ? "; no sites are declared" : "; sites: " + String.join(", ", names);
    }
}
