package io.natlab.nat;

import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Subnet;
import io.natlab.topology.UnsolicitedPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Router contexts for compiler tests: one top-level router, WAN eth1 on the internet, LAN eth0. */
final class Contexts {
    private Contexts() {}

    static final Subnet INTERNET = Subnet.parse("198.18.0.0/24");
    static final Subnet LAN = Subnet.parse("10.20.1.0/24");
    static final String WAN_IP = "198.18.0.2";

    static RouterContext of(NatBehaviour nat, RouterOptions options) {
        return new RouterContext("home", nat, options, "eth1", WAN_IP, INTERNET, null, "eth0", "10.20.1.2", LAN,
            List.of("10.20.1.10"), List.of(INTERNET, LAN));
    }

    static RouterContext of(NatPreset preset) { return of(preset.behaviour(), RouterOptions.defaults()); }

    static RouterContext nested(NatPreset preset) {
        Subnet parentLan = Subnet.parse("100.64.0.0/24");
        return new RouterContext("home", preset.behaviour(), RouterOptions.defaults(), "eth1", "100.64.0.3", parentLan,
            "100.64.0.2", "eth0", "10.20.1.2", LAN, List.of("10.20.1.10"), List.of(INTERNET, parentLan, LAN));
    }

    static RouterOptions options(UnsolicitedPolicy policy, boolean hairpin) {
        return new RouterOptions(policy, hairpin, 0, Duration.ZERO, Duration.ZERO, Map.of());
    }
}
