package io.natlab.lab;

import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.util.Collection;
import java.util.Map;

/**
 * A running NAT lab built from a {@link Topology}. Obtain one from {@code DockerLab.start(...)};
 * always close it (try-with-resources): close removes every container and network.
 */
public interface Lab extends AutoCloseable {
    /** Unique id of this lab instance; every Docker object carries it in the label {@code natlab.lab}. */
    String id();
    Topology topology();
    /** The subnets actually used: "internet" and each site name mapped to its LAN. */
    Map<String, Subnet> subnets();

    /** Any host by topology name (peer, site/router name, or {@code rendezvous}). */
    LabHost host(String name);
    RouterHost router(String siteName);
    LabHost rendezvous();
    Collection<LabHost> hosts();

    /** The address:port clients use to reach the rendezvous server. */
    String rendezvousEndpoint();

    /** Between trials: flushes conntrack and dynamic NAT state, restores router rules; containers stay. */
    void reset();

    /**
     * Before a trial: resets only the routers of these sites (the trial's path) and any router a mid-stream event
     * changed. A router off the path carries no state the trial could meet, and each reset is a {@code docker exec}:
     * resetting eight routers for a two-router trial was most of a warm trial's overhead.
     */
    default void reset(java.util.Collection<String> siteNames) { reset(); }

    /** Removes every container and network of this lab. Idempotent, never throws. */
    @Override void close();
}
