package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import java.util.List;

import io.natlab.lab.Lab;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * Reuses labs between scenarios whose topologies are identical (same sites, options, subnets, peers and rendezvous;
 * names, files and line numbers do not matter). A few idle labs are kept; the oldest is closed beyond that.
 * Thread-safe.
 */
public final class LabPool implements AutoCloseable {
    private final LabFactory factory;
    private final int maxIdle;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    private record Idle(String key, Lab lab) {}

    /** A lab handed out for one scenario. */
    public record Lease(Lab lab, boolean reused, double startMs) {}

    public LabPool(LabFactory factory, int maxIdle) {
        this.factory = factory;
        this.maxIdle = maxIdle;
    }

    public Lease acquire(Topology topology) throws Exception {
        return acquire(topology, List.of());
    }

    /** A lab whose peers carry these implementations besides punch-core; labs are shared only with the same set. */
    public Lease acquire(Topology topology, List<Implementation> implementations) throws Exception {
        String key = key(topology, implementations);
        synchronized (this) {
            if (closed) throw new IllegalStateException("lab pool is closed");
            for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
                Idle i = it.next();
                if (i.key.equals(key)) { it.remove(); return new Lease(i.lab, true, 0); }
            }
        }
        long t0 = System.nanoTime();
        Lab lab = external(implementations).isEmpty() ? factory.start(topology)
            : factory.start(topology, implementations);
        return new Lease(lab, false, (System.nanoTime() - t0) / 1e6);
    }

    /** Gives a healthy lab back for reuse (a lab whose state is in doubt should be closed instead). */
    public void release(Topology topology, Lab lab) {
        release(topology, List.of(), lab);
    }

    public void release(Topology topology, List<Implementation> implementations, Lab lab) {
        Lab evicted = null;
        synchronized (this) {
            if (closed) { evicted = lab; }
            else {
                idle.addLast(new Idle(key(topology, implementations), lab));
                if (idle.size() > maxIdle) evicted = idle.removeFirst().lab;
            }
        }
        if (evicted != null) evicted.close();
    }

    @Override public void close() {
        Deque<Idle> toClose;
        synchronized (this) { closed = true; toClose = new ArrayDeque<>(idle); idle.clear(); }
        toClose.forEach(i -> i.lab.close());
    }

    static String key(Topology t, List<Implementation> implementations) {
        return key(t) + ";impls=" + external(implementations).stream().map(i -> i.name() + "@" + i.home()).sorted().toList();
    }

    private static List<Implementation> external(List<Implementation> implementations) {
        return implementations.stream().filter(i -> !i.builtIn()).toList();
    }

    /** Everything that shapes a lab, nothing about where it was written. */
    static String key(Topology t) {
        return "internet=" + t.internet() + ";public=" + t.publicPeers() + ";rendezvous=" + t.rendezvous() + ";sites="
            + t.sites().stream().map(LabPool::siteKey).collect(Collectors.joining(","));
    }

    private static String siteKey(Site s) {
        return "[" + s.name() + " " + s.preset() + " " + s.nat() + " " + s.router() + " " + s.lan() + " behind="
            + s.behind() + " " + s.peers() + "]";
    }
}
