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
}
