package io.natlab.topology;

import io.natlab.yaml.SourceRef;
import java.util.List;

/**
 * A LAN behind one NAT router.
 *
 * @param name    unique name; also the router's host name
 * @param preset  the {@code nat:} preset as written
 * @param nat     the effective behaviour: preset plus per-axis overrides ({@code null} for {@link NatPreset#NONE})
 * @param router  per-router options
 * @param lan     the LAN subnet, or {@code null} to let the lab pick a free one at start
 * @param behind  name of the site whose LAN this router's WAN side sits on (nested NAT), or {@code null} for the internet
 * @param peers   names of the peers on this LAN
 * @param where   where the site was declared
 */
public record Site(String name, NatPreset preset, NatBehaviour nat, RouterOptions router, Subnet lan,
                   String behind, List<String> peers, SourceRef where) {

    public boolean nested() { return behind != null; }

    /** A site named {@code name}, for code and tests; the YAML loader fills every field itself. */
    public static Builder builder(String name) { return new Builder(name); }

    /** Builds a {@link Site}: the preset gives the behaviour, router options default to the defaults. */
    public static final class Builder {
        private final String name;
        private NatPreset preset = NatPreset.PORT_RESTRICTED_CONE;
        private NatBehaviour nat = NatPreset.PORT_RESTRICTED_CONE.behaviour();
        private RouterOptions router = RouterOptions.defaults();
        private Subnet lan;
        private String behind;
        private List<String> peers = List.of();
        private SourceRef where = SourceRef.unknown();

        private Builder(String name) { this.name = name; }

        /** The preset and its behaviour (call {@link #nat} afterwards to override axes). */
        public Builder preset(NatPreset p) { this.preset = p; this.nat = p.behaviour(); return this; }
        public Builder nat(NatBehaviour b) { this.nat = b; return this; }
        public Builder router(RouterOptions o) { this.router = o; return this; }
        public Builder lan(Subnet s) { this.lan = s; return this; }
        public Builder behind(String parentSite) { this.behind = parentSite; return this; }
        public Builder peers(String... names) { this.peers = List.of(names); return this; }
        public Builder where(SourceRef ref) { this.where = ref; return this; }

        public Site build() { return new Site(name, preset, nat, router, lan, behind, peers, where); }
    }
}
