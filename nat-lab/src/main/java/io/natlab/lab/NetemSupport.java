package io.natlab.lab;

import io.natlab.topology.Site;

import java.time.Duration;

/** Whether a router's kernel has the netem qdisc (module sch_netem); a site forced onto netem fails where it is missing. */
public final class NetemSupport {
    private NetemSupport() {}

    /** Adds and removes a netem qdisc on the router's loopback; the result says whether the kernel has netem. */
    static ExecResult probe(LabHost router) {
        return router.exec(Duration.ofSeconds(10), "sh", "-c",
            "tc qdisc add dev lo root netem delay 1ms && tc qdisc del dev lo root");
    }

    public static void require(LabHost router, Site site) {
        ExecResult r = probe(router);
        if (!r.ok())
            throw new LabStartException("site " + site.name() + " (" + site.where() + ") sets latency/jitter with the netem "
                + "backend, which needs the kernel's netem qdisc (module sch_netem), and this Docker host's kernel does not "
                + "provide it (" + (r.stderr().strip().isEmpty() ? "exit " + r.exitCode() : r.stderr().strip())
                + "). Use the userspace delayer instead: -D" + DelayBackendChoice.PROPERTY + "=nfqueue (or auto), or run on a "
                + "kernel with sch_netem.");
    }
}
