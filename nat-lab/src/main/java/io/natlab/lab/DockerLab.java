package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import io.natlab.nat.RouterContext;
import io.natlab.nat.RouterRuleCompiler;
import io.natlab.nat.RouterRules;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Lab} made of Docker networks and containers. {@link #start} builds it completely (networks, containers,
 * routes, router rules, rendezvous server) and proves containment before returning; any failure removes
 * everything created so far. A JVM shutdown hook removes the lab on Ctrl-C.
 */
public final class DockerLab implements Lab {
    private static final Logger log = LoggerFactory.getLogger(DockerLab.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final Topology topology;
    private final LabOptions options;
    private final String id;
    private final ExecutorService pool;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<String> containerIds = new CopyOnWriteArrayList<>();
    private final Map<String, String> networkIds = new ConcurrentHashMap<>();
    private final Map<String, DockerLabHost> hosts = new ConcurrentHashMap<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private AddressPlan plan;
    private String rendezvousEndpoint;

    private DockerLab(DockerClient docker, Topology topology, LabOptions options) {
        this.docker = docker;
        this.topology = topology;
        this.options = options;
        this.id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "natlab-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        Future<LabImages.Images> images = pool.submit(() -> LabImages.ensure(docker, options));
        long t = System.nanoTime();
        Map<String, Subnet> subnets = createNetworks();
        plan = AddressPlan.of(topology, subnets);
        RendezvousForward.checkReachable(plan, rendezvousSpec());
        t = lap("networks", t);
        LabImages.Images imgs = await(images);
        t = lap("images", t);
        parallel(plan.hosts().stream().map(h -> (Callable<Void>) () -> { createContainer(h, imgs); return null; }).toList());
        t = lap("containers", t);
        parallel(plan.hosts().stream().map(h -> (Callable<Void>) () -> { configure(h); return null; }).toList());
        t = lap("configure", t);
        rendezvousEndpoint = awaitRendezvous();
        t = lap("rendezvous", t);
        List<String> failures = new ContainmentCheck(plan, hosts, rendezvousTarget(), rendezvousPort(), pool).run();
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

    // ---- networks ----------------------------------------------------------------------------------------------

    private Map<String, Subnet> createNetworks() {
        SubnetAllocator allocator = new SubnetAllocator(HostNetworkFacts.takenRanges(docker), new SecureRandom());
        Map<String, Subnet> subnets = new ConcurrentHashMap<>(allocator.allocate(topology));
        List<Callable<Void>> jobs = new ArrayList<>();
        for (String net : subnets.keySet()) {
            jobs.add(() -> {
                subnets.put(net, createNetwork(net, subnets.get(net), allocator));
                return null;
            });
        }
        parallel(jobs);
        Map<String, Subnet> ordered = new LinkedHashMap<>();
        ordered.put(SubnetAllocator.INTERNET, subnets.get(SubnetAllocator.INTERNET));
        topology.sites().forEach(s -> ordered.put(s.name(), subnets.get(s.name())));
        return ordered;
    }

    private Subnet createNetwork(String net, Subnet subnet, SubnetAllocator allocator) {
        boolean internet = net.equals(SubnetAllocator.INTERNET);
        boolean userChosen = internet ? topology.internet() != null : topology.site(net).orElseThrow().lan() != null;
        for (int attempt = 0; ; attempt++) {
            try {
                Map<String, String> opts = internet ? Map.of()
                    // Routed LANs: the host must never NAT lab traffic out.
                    : Map.of("com.docker.network.bridge.enable_ip_masquerade", "false");
                String nid = docker.createNetworkCmd()
                    .withName(dockerName(net))
                    .withDriver("bridge")
                    // All internet traffic is NATed into its own subnet, so it can be internal (Docker drops the rest).
                    .withInternal(internet)
                    .withOptions(opts)
                    .withCheckDuplicate(true)
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                        .withSubnet(subnet.toString()).withGateway(subnet.host(1))))
                    .withLabels(LabLabels.forLab(id))
                    .exec().getId();
                networkIds.put(net, nid);
                return subnet;
            } catch (DockerException e) {
                boolean overlap = String.valueOf(e.getMessage()).toLowerCase().contains("overlap");
                if (!overlap) throw new LabStartException("creating network " + net + " (" + subnet + ") failed: " + e.getMessage(), e);
                if (userChosen) throw new LabStartException((internet ? "topology.internet.subnet" : "site " + net + " lan")
                    + ": " + subnet + " overlaps a Docker network created meanwhile; choose another subnet");
                if (attempt >= 20) throw new LabStartException("no free subnet for network " + net + " after 20 attempts");
                // Another lab took it between our look-up and now: pick again.
                allocator.markTaken(subnet, "a network created meanwhile");
                subnet = internet ? allocator.pick(SubnetPool.INTERNET, net)
                    : allocator.pick(SubnetAllocator.poolFor(topology, topology.site(net).orElseThrow()), net);
            }
        }
    }

    private String dockerName(String hostOrNet) {
        return "natlab-" + id + "-" + hostOrNet.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    // ---- containers --------------------------------------------------------------------------------------------

    private void createContainer(HostPlan h, LabImages.Images images) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("net.ipv6.conf.all.disable_ipv6", "1");
        sysctls.put("net.ipv6.conf.default.disable_ipv6", "1");
        List<String> cmd;
        String image;
        if (h.isRouter()) {
            Site site = topology.site(h.name()).orElseThrow();
            sysctls.put("net.ipv4.ip_forward", "1");
            site.router().conntrackTimeouts().forEach((k, v) ->
                sysctls.put("net.netfilter.nf_conntrack_tcp_timeout_" + k, Integer.toString(v)));
            image = images.router();
            cmd = List.of("sleep", "infinity");
        } else {
            image = images.peer();
            cmd = h.role() == HostRole.RENDEZVOUS ? rendezvousCommand() : List.of("sleep", "infinity");
        }
        HostConfig hc = HostConfig.newHostConfig()
            .withNetworkMode(dockerName(h.network()))
            .withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW)
            .withInit(true) // reaps spawned background processes
            .withSysctls(sysctls);
        CreateContainerResponse c;
        try {
            c = docker.createContainerCmd(image)
                .withName(dockerName(h.name()))
                .withHostName(h.name().replaceAll("[^A-Za-z0-9-]", "-"))
                .withLabels(LabLabels.forHost(id, h.name(), h.role()))
                .withHostConfig(hc)
                .withIpv4Address(h.ip())
                .withCmd(cmd)
                .exec();
        } catch (DockerException e) {
            throw new LabStartException("creating container " + h.name() + " failed: " + e.getMessage(), e);
        }
        containerIds.add(c.getId());
        if (closed.get()) { // closed (Ctrl-C) while we were creating it: do not leave it behind
            try { docker.removeContainerCmd(c.getId()).withForce(true).exec(); } catch (RuntimeException ignored) { /* best effort */ }
            throw new LabStartException("lab " + id + " was closed while starting");
        }
        if (h.lanNetwork() != null) {
            docker.connectToNetworkCmd().withNetworkId(networkIds.get(h.lanNetwork())).withContainerId(c.getId())
                .withContainerNetwork(new ContainerNetwork().withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(h.lanIp())))
                .exec();
        }
        try {
            docker.startContainerCmd(c.getId()).exec();
        } catch (DockerException e) {
            throw new LabStartException("starting container " + h.name() + " failed: " + e.getMessage()
                + (h.isRouter() ? " (conntrack timeout keys must be nf_conntrack_tcp_timeout_<key> sysctls, e.g. syn_sent)" : ""), e);
        }
        DockerLabHost host = h.isRouter()
            ? new DockerRouterHost(docker, h.name(), c.getId(), h.ip(), h.lanIp())
            : new DockerLabHost(docker, h.name(), h.role(), c.getId(), h.ip());
        hosts.put(h.name(), host);
    }

    private List<String> rendezvousCommand() {
        Rendezvous r = rendezvousSpec();
        List<String> cmd = new ArrayList<>(List.of("punch", "server", "--port", Integer.toString(r.port())));
        if (r.token() != null) cmd.add("--token=" + r.token()); // one word: a value can never read as another option
        return cmd;
    }

    private Rendezvous rendezvousSpec() { return topology.rendezvous() == null ? Rendezvous.defaults() : topology.rendezvous(); }
    private int rendezvousPort() { return rendezvousSpec().port(); }

    // ---- routes, guard, router rules ---------------------------------------------------------------------------

    private void configure(HostPlan h) {
        DockerLabHost host = hosts.get(h.name());
        List<String> ownGateways = h.attachments().stream().map(a -> plan.dockerGateway(a.network())).toList();
        Collection<String> allGateways = plan.subnets().keySet().stream().map(plan::dockerGateway).toList();
        host.script("network setup", SETUP_TIMEOUT,
            LabGuard.setupScript(h, ownGateways, plan.subnets().values(), allGateways));
        if (h.isRouter()) configureRouter(h, (DockerRouterHost) host);
    }

    private void configureRouter(HostPlan h, DockerRouterHost router) {
        Site site = topology.site(h.name()).orElseThrow();
        String addrs = router.exec(SETUP_TIMEOUT, "ip", "-o", "-4", "addr", "show").stdout();
        Subnet wanSubnet = plan.subnet(h.network());
        Subnet lan = plan.subnet(h.lanNetwork());
        String wanIf = InterfaceTable.onSubnet(addrs, wanSubnet).orElseThrow(() ->
            new LabStartException("router " + h.name() + " has no interface on its WAN subnet " + wanSubnet + ":\n" + addrs));
        String lanIf = InterfaceTable.onSubnet(addrs, lan).orElseThrow(() ->
            new LabStartException("router " + h.name() + " has no interface on its LAN subnet " + lan + ":\n" + addrs));
        router.interfaces(wanIf, lanIf);
        if (site.router().needsNetem()) NetemSupport.require(router, site);

        List<String> inside = plan.hosts().stream()
            .filter(o -> o.network().equals(site.name()))
            .map(HostPlan::ip).toList();
        RouterContext ctx = new RouterContext(site.name(), site.nat(), site.router(), wanIf, h.ip(), wanSubnet,
            h.defaultVia(), lanIf, h.lanIp(), lan, inside, List.copyOf(plan.subnets().values()));
        RouterRules rules = RouterRuleCompiler.compile(ctx);
        String applied = rules.applyScript() + RendezvousForward.script(plan, rendezvousSpec(), h);
        router.script("router rules of site " + site.name(), SETUP_TIMEOUT, SysctlPreamble.wrap(applied));
        router.rules(applied, rules.resetScript());
    }

    // ---- rendezvous --------------------------------------------------------------------------------------------

    /** The address clients dial: the server itself on the internet, else the outermost router forwarding to it. */
    private String rendezvousTarget() {
        List<HostPlan> path = plan.routersOnPathOf(Rendezvous.HOST_NAME);
        return path.isEmpty() ? plan.host(Rendezvous.HOST_NAME).ip() : path.get(path.size() - 1).ip();
    }

    private String awaitRendezvous() {
        DockerLabHost rdv = hosts.get(Rendezvous.HOST_NAME);
        int port = rendezvousPort();
        long tenths = Math.max(1, options.readyTimeout().toMillis() / 100);
        ExecResult r = rdv.exec(options.readyTimeout().plusSeconds(5), "sh", "-c",
            "i=0; while [ $i -lt " + tenths + " ]; do ss -Hltn 'sport = :" + port + "' | grep -q . && exit 0; "
                + "i=$((i+1)); sleep 0.1; done; exit 1");
        if (!r.ok())
            throw new LabStartException("the rendezvous server did not listen on port " + port + " within "
                + options.readyTimeout().toSeconds() + " s (is " + options.punchJar() + " a working punch.jar?); its log:\n"
                + rdv.logs().strip());
        return rendezvousTarget() + ":" + port;
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
    public void reset() {
        long t = System.nanoTime();
        parallel(hosts.values().stream().filter(h -> h instanceof DockerRouterHost)
            .map(h -> (Callable<Void>) () -> {
                DockerRouterHost r = (DockerRouterHost) h;
                r.script("reset of router " + r.name(), SETUP_TIMEOUT, SysctlPreamble.wrap(r.resetScript()));
                return null;
            }).toList());
        log.debug("lab {} reset in {} ms", id, (System.nanoTime() - t) / 1_000_000);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            // A Ctrl-C during start: let Docker calls in flight finish first, or a network or container created a
            // moment after we looked would be left behind (seen: a network, when interrupted while creating them).
            // Queued jobs are cancelled, but running ones are NOT interrupted: an interrupted docker-java call
            // returns at once while the daemon still creates the object (seen in CI: a network left behind).
            cancelQueuedJobs();
            pool.shutdown();
            try { pool.awaitTermination(10, TimeUnit.SECONDS); }
            catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            removeEverything(new LinkedHashSet<>(containerIds), new LinkedHashSet<>(networkIds.values()));
            // One more look by label, for anything the daemon finished creating while we were removing.
            removeEverything(new LinkedHashSet<>(), new LinkedHashSet<>());
        } catch (RuntimeException e) {
            log.warn("cleaning up lab {}: {}", id, e.getMessage());
        } finally {
            if (Thread.currentThread() != shutdownHook) {
                try { Runtime.getRuntime().removeShutdownHook(shutdownHook); } catch (IllegalStateException ignored) { /* shutting down */ }
            }
        }
    }

    private void cancelQueuedJobs() {
        if (pool instanceof java.util.concurrent.ThreadPoolExecutor tpe) {
            List<Runnable> queued = new ArrayList<>();
            tpe.getQueue().drainTo(queued);
            // Cancelled futures wake up whoever waits on them (start() then fails and cleans up through close()).
            queued.forEach(r -> { if (r instanceof Future<?> f) f.cancel(false); });
        }
    }

    /** Removes the given objects plus everything labelled with this lab's id. */
    private void removeEverything(Set<String> containers, Set<String> networks) {
        Map<String, String> mine = Map.of(LabLabels.LAB, id);
        docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec().forEach(c -> containers.add(c.getId()));
        docker.listNetworksCmd().withFilter("label", List.of(LabLabels.LAB + "=" + id)).exec().forEach(n -> networks.add(n.getId()));
        containers.parallelStream().forEach(cid -> {
            try { docker.removeContainerCmd(cid).withForce(true).withRemoveVolumes(true).exec(); }
            catch (RuntimeException e) { if (!String.valueOf(e.getMessage()).contains("No such container")) log.warn("removing container {}: {}", cid, e.getMessage()); }
        });
        for (String nid : networks) {
            try { docker.removeNetworkCmd(nid).exec(); }
            catch (RuntimeException e) { if (!String.valueOf(e.getMessage()).contains("not found")) log.warn("removing network {}: {}", nid, e.getMessage()); }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new LabStartException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while starting lab " + topology.name());
        }
    }

    /** Runs all jobs, waits for all, and rethrows the first failure. */
    private void parallel(List<Callable<Void>> jobs) {
        List<Future<Void>> futures = jobs.stream().map(pool::submit).toList();
        RuntimeException first = null;
        for (Future<Void> f : futures) {
            try { await(f); } catch (RuntimeException e) { if (first == null) first = e; }
        }
        if (first != null) throw first;
    }
}
