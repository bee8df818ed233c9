package io.natlab.topology.yaml;

import io.natlab.yaml.Located;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.yaml.SourceRef;
import io.natlab.topology.Subnet;

import java.util.List;

/**
 * A site as read from YAML before cross-checks; any field may be {@code null} where its value was invalid
 * (the error is already recorded). Keeps positions for the checks across sites.
 */
record SiteDraft(String path, Located<String> name, NatPreset preset, NatBehaviour nat, RouterOptions router,
                 Located<Subnet> lan, Located<String> behind, List<Located<String>> peers, SourceRef where) {

    String nameOrNull() { return name == null ? null : name.value(); }

    String behindOrNull() { return behind == null ? null : behind.value(); }

    /** Only called once the whole file is known to be valid. */
    Site toSite() {
        return new Site(name.value(), preset, nat, router, lan == null ? null : lan.value(), behindOrNull(),
            peers.stream().map(Located::value).toList(), where);
    }
}
