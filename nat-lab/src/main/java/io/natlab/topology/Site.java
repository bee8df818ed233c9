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
}
