package io.natlab.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated lab topology. Built only by the YAML loader (or tests); every cross-reference
 * in it has been checked, so consumers may look things up without re-validating.
 *
 * @param name        the topology's name (file name without extension unless given)
 * @param source      the file it came from, or {@code null}
 * @param internet    the simulated internet's subnet, or {@code null} to let the lab pick one in 198.18.0.0/15
 * @param sites       NAT sites, parents before nested children
 * @param publicPeers peers directly on the internet (no NAT)
 * @param rendezvous  where the rendezvous server runs
 */
public record Topology(String name, Path source, Subnet internet, List<Site> sites, List<String> publicPeers,
                       Rendezvous rendezvous) {

    public Optional<Site> site(String siteName) {
        return sites.stream().filter(s -> s.name().equals(siteName)).findFirst();
    }

    /** The site a peer lives in, empty for a public peer. */
    public Optional<Site> siteOfPeer(String peer) {
        return sites.stream().filter(s -> s.peers().contains(peer)).findFirst();
    }

    public List<String> allPeers() {
        List<String> all = new ArrayList<>(publicPeers);
        sites.forEach(s -> all.addAll(s.peers()));
        return all;
    }

    /** The chain of sites from the peer's own site out to the internet (empty for a public peer). */
    public List<Site> natPath(String peer) {
        List<Site> path = new ArrayList<>();
        Optional<Site> s = siteOfPeer(peer);
        while (s.isPresent()) {
            path.add(s.get());
            s = s.get().behind() == null ? Optional.empty() : site(s.get().behind());
        }
        return path;
    }

    /** A topology named {@code name}, for code and tests; the YAML loader fills every field itself. */
    public static Builder builder(String name) { return new Builder(name); }

    /** Builds a {@link Topology}: no source file, the lab picks the internet subnet, default rendezvous server. */
    public static final class Builder {
        private final String name;
        private Path source;
        private Subnet internet;
        private final List<Site> sites = new ArrayList<>();
        private final List<String> publicPeers = new ArrayList<>();
        private Rendezvous rendezvous = Rendezvous.defaults();

        private Builder(String name) { this.name = name; }

        public Builder source(Path file) { this.source = file; return this; }
        public Builder internet(Subnet subnet) { this.internet = subnet; return this; }
        public Builder site(Site site) { this.sites.add(site); return this; }
        public Builder site(Site.Builder site) { return site(site.build()); }
        public Builder sites(List<Site> all) { this.sites.addAll(all); return this; }
        public Builder publicPeers(String... names) { this.publicPeers.addAll(List.of(names)); return this; }
        public Builder rendezvous(Rendezvous r) { this.rendezvous = r; return this; }

        public Topology build() {
            return new Topology(name, source, internet, List.copyOf(sites), List.copyOf(publicPeers), rendezvous);
        }
    }
}
