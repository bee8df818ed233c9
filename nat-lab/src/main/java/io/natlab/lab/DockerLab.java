package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Lab} made of Docker networks and containers. {@link #start} builds it completely and proves containment
 * before returning; any failure removes everything created so far. A JVM shutdown hook removes the lab on Ctrl-C.
 * The steps have their own classes: {@link LabNetworks}, {@link ContainerSpec} and {@link LabContainers},
 * {@link HostNetworkSetup} (routes and guard), {@link RouterSetup} (rules), {@link RendezvousReadiness},
 * {@link ContainmentCheck} and {@link LabRemoval}; this class orders them and answers the {@link Lab} questions.
 */
public final class DockerLab implements Lab {
    private static final Logger log = LoggerFactory.getLogger(DockerLab.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final Topology topology;
    private final LabOptions options;
    private final String id;
    private final LabJobs jobs;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LabNetworks networks;
    private final LabContainers containers;
    private final Map<String, DockerLabHost> hosts = new ConcurrentHashMap<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private AddressPlan plan;
    private String rendezvousEndpoint;

    private DockerLab(DockerClient docker, Topology topology, LabOptions options) {
        this.docker = docker;
        this.topology = topology;
        this.options = options;
        this.id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        this.jobs = new LabJobs(id);
        this.networks = new LabNetworks(docker, topology, id);
        this.containers = new LabContainers(docker, networks, closed::get);
        this.shutdownHook = new Thread(this::close, "natlab-" + id + "-cleanup");
    }

    /** Builds and starts a lab; throws {@link LabStartException} (after cleaning up) when it cannot. */
    public static DockerLab start(Topology topology, LabOptions options) {
        DockerClient docker = DockerAvailability.client();
        long t0 = System.nanoTime();
        LabSweeper.sweep(docker);
        DockerLab lab = new DockerLab(docker, topology, options);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try {
            lab.build();
            lab.timings.put("total", Duration.ofNanos(System.nanoTime() - t0));
            log.info("lab {} ({}) up in {} ms: {}", lab.id, topology.name(), lab.timings.get("total").toMillis(), lab.timings);
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            if (e instanceof LabStartException) throw e;
            throw new LabStartException("lab " + topology.name() + " could not start: " + DockerAvailability.rootMessage(e), e);
        }
    }

    private void build() {
        Future<LabImages.Images> images = jobs.submit(() -> LabImages.ensure(docker, options));
        long t = System.nanoTime();
        plan = AddressPlan.of(topology, networks.create(jobs));
        Rendezvous rendezvous = ContainerSpec.rendezvousOf(topology);
        RendezvousForward.checkReachable(plan, rendezvous);
        t = lap("networks", t);
        LabImages.Images imgs = jobs.await(images);
        t = lap("images", t);
        jobs.forEach(plan.hosts(), h -> hosts.put(h.name(), containers.start(ContainerSpec.of(id, topology, h, imgs))));
        t = lap("containers", t);
        jobs.forEach(plan.hosts(), h -> {
            DockerLabHost host = hosts.get(h.name());
            HostNetworkSetup.apply(plan, h, host, SETUP_TIMEOUT);
            if (host instanceof DockerRouterHost router) RouterSetup.apply(plan, rendezvous, h, router, SETUP_TIMEOUT);
        });
        t = lap("configure", t);
        RendezvousReadiness.waitFor(hosts.get(Rendezvous.HOST_NAME), rendezvous.port(), options);
        rendezvousEndpoint = rendezvousTarget() + ":" + rendezvous.port();
        t = lap("rendezvous", t);
        List<String> failures = new ContainmentCheck(plan, hosts, rendezvousTarget(), rendezvous.port(), jobs.pool()).run();
        if (!failures.isEmpty())
            throw new LabStartException("lab " + topology.name() + " failed its containment check, so it was removed:\n  - "
                + String.join("\n  - ", failures));
        t = lap("containment", t);
        reset(); // the check's own flows must not be in conntrack when the first trial starts
        lap("reset", t);
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, Duration.ofNanos(now - since));
        return now;
    }

    /** How long each start phase took (networks, images, containers, configure, rendezvous, containment, total). */
    public Map<String, Duration> startTimings() { return Map.copyOf(timings); }

    public AddressPlan plan() { return plan; }

    /** The address clients dial: the server itself on the internet, else the outermost router forwarding to it. */
    private String rendezvousTarget() {
        List<HostPlan> path = plan.routersOnPathOf(Rendezvous.HOST_NAME);
        return path.isEmpty() ? plan.host(Rendezvous.HOST_NAME).ip() : path.get(path.size() - 1).ip();
    }

    // ---- Lab ---------------------------------------------------------------------------------------------------

    @Override public String id() { return id; }
    @Override public Topology topology() { return topology; }
    @Override public Map<String, Subnet> subnets() { return plan.subnets(); }

    @Override public LabHost host(String name) {
        LabHost h = hosts.get(name);
        if (h == null) throw new IllegalArgumentException("no host '" + name + "' in lab " + topology.name() + "; hosts: " + hosts.keySet());
        return h;
    }

    @Override public RouterHost router(String siteName) {
        if (!(hosts.get(siteName) instanceof RouterHost r))
            throw new IllegalArgumentException("no site '" + siteName + "' in lab " + topology.name());
        return r;
    }

    @Override public LabHost rendezvous() { return host(Rendezvous.HOST_NAME); }
    @Override public Collection<LabHost> hosts() { return List.copyOf(hosts.values()); }
    @Override public String rendezvousEndpoint() { return rendezvousEndpoint; }

    @Override
    public void reset() { reset(routers -> true); }

    @Override
    public void reset(Collection<String> siteNames) { reset(r -> siteNames.contains(r.name()) || r.disturbed()); }

    private void reset(java.util.function.Predicate<DockerRouterHost> which) {
        long t = System.nanoTime();
        List<DockerRouterHost> routers = hosts.values().stream()
            .filter(h -> h instanceof DockerRouterHost).map(h -> (DockerRouterHost) h).filter(which).toList();
        jobs.forEach(routers, r -> {
            r.script("reset of router " + r.name(), SETUP_TIMEOUT, r.resetOrRestoreScript()); // undoes mid-stream events too
            r.restored();
        });
        log.debug("lab {} reset in {} ms", id, (System.nanoTime() - t) / 1_000_000);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            // A Ctrl-C during start: let Docker calls in flight finish first, or a network or container created a
            // moment after we looked would be left behind (seen: a network, when interrupted while creating them).
            jobs.shutdown();
            LabRemoval.removeAll(docker, id, containers.ids(), networks.ids());
        } catch (RuntimeException e) {
            log.warn("cleaning up lab {}: {}", id, e.getMessage());
        } finally {
            if (Thread.currentThread() != shutdownHook) {
                try { Runtime.getRuntime().removeShutdownHook(shutdownHook); } catch (IllegalStateException ignored) { /* shutting down */ }
            }
        }
    }
}
