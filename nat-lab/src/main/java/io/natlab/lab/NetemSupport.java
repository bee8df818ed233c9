package io.natlab.lab;

import io.natlab.topology.Site;

import java.time.Duration;

/** Latency and jitter need the kernel's netem qdisc; a site asking for them fails the start where it is missing. */
public final class NetemSupport {
    private NetemSupport() {}

    public static void require(LabHost router, Site site) {
        ExecResult r = router.exec(Duration.ofSeconds(10), "sh", "-c",
            "tc qdisc add dev lo root netem delay 1ms && tc qdisc del dev lo root");
        if (!r.ok())
            throw new LabStartException("site " + site.name() + " (" + site.where() + ") sets latency/jitter, which needs the "
                + "kernel's netem qdisc (module sch_netem), and this Docker host's kernel does not provide it ("
                + (r.stderr().strip().isEmpty() ? "exit " + r.exitCode() : r.stderr().strip())
                + "). Remove latency/jitter from the site or run on a kernel with sch_netem.");
    }
}
