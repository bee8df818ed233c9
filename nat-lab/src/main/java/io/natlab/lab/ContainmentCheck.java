package io.natlab.lab;

import io.natlab.hostnet.HostNetworkDiscovery;
import io.natlab.nat.LabGuard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Proves, after start, that lab traffic stays in the lab — without sending anything outside it:
 * <ol>
 *   <li>route look-ups ({@code ip route get}) in every container for representative outside addresses: each is
 *       unroutable, or goes via the container's own router; Docker's bridge addresses are prohibited;</li>
 *   <li>every container has the {@link LabGuard} table that drops packets to addresses outside the topology;</li>
 *   <li>in-lab traffic: a TCP connect from every site peer to the rendezvous server shows up in the conntrack
 *       table of every router on its way (it crossed them, rather than some host path).</li>
 * </ol>
 */
public final class ContainmentCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Stand-ins for "outside": documentation nets, the usual host DNS/registry ranges, a public resolver. */
    static final List<String> OUTSIDE = List.of("192.0.2.1", "203.0.113.10", "10.255.255.53", "8.8.8.8", "1.1.1.1");

    private final AddressPlan plan;
    private final Map<String, ? extends LabHost> hosts;
    private final String rendezvousTarget;
    private final int rendezvousPort;
    private final ExecutorService pool;

    public ContainmentCheck(AddressPlan plan, Map<String, ? extends LabHost> hosts, String rendezvousTarget,
                            int rendezvousPort, ExecutorService pool) {
        this.plan = plan;
        this.hosts = hosts;
        this.rendezvousTarget = rendezvousTarget;
        this.rendezvousPort = rendezvousPort;
        this.pool = pool;
    }

    /** @return the failures, empty when containment holds */
    public List<String> run() {
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> outside = new LinkedHashSet<>(OUTSIDE);
        HostNetworkDiscovery.defaultGateway().ifPresent(outside::add);
        outside.addAll(HostNetworkDiscovery.nameservers());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (HostPlan h : plan.hosts()) jobs.add(() -> { failures.addAll(checkRoutesAndGuard(h, outside)); return null; });
        runAll(jobs, failures);
        if (failures.isEmpty()) failures.addAll(checkTrafficCrossesRouters());
        return failures;
    }

    private List<String> checkRoutesAndGuard(HostPlan h, Set<String> outside) {
        List<String> gateways = h.attachments().stream().map(a -> plan.dockerGateway(a.network())).toList();
        StringBuilder script = new StringBuilder();
        for (String a : outside) script.append("echo '== ").append(a).append("'; ip route get ").append(a).append(" 2>&1 || true; ");
        for (String g : gateways) script.append("echo '== ").append(g).append("'; ip route get ").append(g).append(" 2>&1 || true; ");
        script.append("echo '== guard'; nft list table ip ").append(LabGuard.TABLE).append(" 2>&1 || true");
        ExecResult r = hosts.get(h.name()).exec(TIMEOUT, "sh", "-c", script.toString());
        Map<String, String> sections = sections(r.stdout());
        List<String> failures = new ArrayList<>();
        for (String a : outside) {
            String why = judgeRoute(sections.getOrDefault(a, "(no output)"), h.defaultVia(), false);
            if (why != null) failures.add(h.name() + ": route to outside address " + a + " " + why);
        }
        for (String g : gateways) {
            String why = judgeRoute(sections.getOrDefault(g, "(no output)"), null, true);
            if (why != null) failures.add(h.name() + ": route to Docker's bridge address " + g + " " + why);
        }
        String guard = sections.getOrDefault("guard", "");
        if (!guardInstalled(guard))
            failures.add(h.name() + ": containment guard table " + LabGuard.TABLE + " missing or incomplete: " + guard.strip());
        return failures;
    }

    /**
     * Pure: judges one {@code ip route get} answer. Fine: no route, a prohibit/blackhole route, or (unless
     * {@code mustBeProhibited}) a route via {@code allowedVia}. Returns why it is not fine, or {@code null}.
     */
    static String judgeRoute(String output, String allowedVia, boolean mustBeProhibited) {
        String o = output.strip();
        boolean blocked = o.contains("Permission denied") || o.contains("prohibit") || o.contains("Network is unreachable")
            || o.contains("No route to host") || o.contains("blackhole") || o.contains("Invalid argument");
        if (mustBeProhibited) return o.contains("Permission denied") || o.contains("prohibit") ? null : "is not prohibited: " + o;
        if (blocked) return null;
        if (allowedVia != null && o.matches("(?s).*\\bvia " + java.util.regex.Pattern.quote(allowedVia) + "\\b.*")) return null;
        return "leaves the lab: " + o.replace('\n', ' ');
    }

    /** Pure: whether {@code nft list table} output shows the guard's drop rules on both hooks. */
    static boolean guardInstalled(String nftOutput) {
        return nftOutput.contains("hook output") && nftOutput.contains("hook forward")
            && nftOutput.split("ip daddr != @lab", -1).length - 1 >= 2;
    }

    static Map<String, String> sections(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        String key = null;
        StringBuilder buf = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("== ")) {
                if (key != null) m.put(key, buf.toString());
                key = line.substring(3).strip();
                buf.setLength(0);
            } else {
                buf.append(line).append('\n');
            }
        }
        if (key != null) m.put(key, buf.toString());
        return m;
    }

    /** Every site peer connects to the rendezvous server; every router on its path must have tracked it. */
    private List<String> checkTrafficCrossesRouters() {
        List<String> failures = new CopyOnWriteArrayList<>();
        List<HostPlan> sitePeers = plan.hosts().stream()
            .filter(h -> h.role() == HostRole.PEER && !plan.routersOnPathOf(h.name()).isEmpty()).toList();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (HostPlan p : sitePeers) {
            jobs.add(() -> {
                ExecResult r = hosts.get(p.name()).exec(TIMEOUT, "nc", "-z", "-w", "5", rendezvousTarget, Integer.toString(rendezvousPort));
                if (!r.ok()) failures.add(p.name() + ": cannot reach the rendezvous server at " + rendezvousTarget + ":"
                    + rendezvousPort + " through its router(s): " + (r.stderr() + r.stdout()).strip());
                return null;
            });
        }
        runAll(jobs, failures);
        if (!failures.isEmpty()) return failures;
        Map<String, String> conntrack = new LinkedHashMap<>();
        for (HostPlan router : plan.hosts().stream().filter(HostPlan::isRouter).toList())
            conntrack.put(router.name(), hosts.get(router.name()).exec(TIMEOUT, "conntrack", "-L", "-p", "tcp").stdout());
        for (HostPlan p : sitePeers) {
            String source = p.ip();
            for (HostPlan router : plan.routersOnPathOf(p.name())) {
                if (!tracked(conntrack.get(router.name()), source, rendezvousPort))
                    failures.add(p.name() + ": its connection to the rendezvous server did not cross router " + router.name()
                        + " (no conntrack entry from " + source + " to port " + rendezvousPort + ")");
                source = router.ip(); // the next router out sees this router's public address
            }
        }
        return failures;
    }

    /** Pure: whether a conntrack listing has a flow from {@code source} to {@code port} (original direction). */
    static boolean tracked(String conntrackListing, String source, int port) {
        for (String line : conntrackListing.split("\n")) {
            int reply = line.indexOf("src=", line.indexOf("src=") + 1); // original tuple comes first
            String original = reply < 0 ? line : line.substring(0, reply);
            if (original.contains("src=" + source + " ") && original.contains("dport=" + port + " ")) return true;
        }
        return false;
    }

    private void runAll(List<Callable<Void>> jobs, List<String> failures) {
        List<Future<Void>> futures = jobs.stream().map(pool::submit).toList();
        for (Future<Void> f : futures) {
            try { f.get(); }
            catch (ExecutionException e) { failures.add("check failed: " + DockerAvailability.rootMessage(e)); }
            catch (InterruptedException e) { Thread.currentThread().interrupt(); failures.add("interrupted"); }
        }
    }
}
