package io.natlab.lab;

import io.natlab.nat.LabGuard;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Gives a started container its planned routes and the lab's containment guard ({@link LabGuard}). */
final class HostNetworkSetup {
    private HostNetworkSetup() {}

    static void apply(AddressPlan plan, HostPlan h, DockerLabHost host, Duration timeout) {
        List<String> ownGateways = h.attachments().stream().map(a -> plan.dockerGateway(a.network())).toList();
        Collection<String> allGateways = plan.subnets().keySet().stream().map(plan::dockerGateway).toList();
        host.script("network setup", timeout,
            LabGuard.setupScript(h.defaultVia(), ownGateways, plan.subnets().values(), allGateways));
    }
}
