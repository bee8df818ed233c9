package io.natlab.scenario.run.launch;

import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The warm peers of each running lab: one {@link WarmPeer} per peer container and implementation, started on first
 * use and kept with the lab (a pooled lab keeps its agents for the next scenario). A lab's removal ends its agents'
 * streams; {@link #closeAll} closes what is left when the run ends.
 */
public final class WarmPeers {
    private static final Map<Lab, WarmPeers> LABS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Agents by peer/implementation (never the lab itself: the map's weak key must stay collectable). */
    private final Map<String, WarmPeer> peers = new HashMap<>();

    private WarmPeers() {
    }

    public static WarmPeers of(Lab lab) {
        return LABS.computeIfAbsent(lab, l -> new WarmPeers());
    }

    /** The agent of this peer container for this implementation, {@code command} being how to start it there. */
    public synchronized WarmPeer peer(LabHost host, String implementation, List<String> command) {
        return peers.computeIfAbsent(host.name() + "/" + implementation, k -> new WarmPeer(host, command));
    }

    /** Brings several agents up at once (their JVMs start in parallel); the problems of those that did not. */
    public static List<String> readyAll(List<WarmPeer> peers, Duration max, Executor threads) {
        List<CompletableFuture<String>> fs = new ArrayList<>();
        for (WarmPeer p : peers) fs.add(CompletableFuture.supplyAsync(() -> p.ensureReady(max), threads));
        List<String> problems = new ArrayList<>();
        for (CompletableFuture<String> f : fs) {
            String problem = f.join();
            if (problem != null) problems.add(problem);
        }
        return problems;
    }

    /** Closes every agent of every lab (the run is over). */
    public static void closeAll() {
        List<WarmPeers> all;
        synchronized (LABS) {
            all = new ArrayList<>(LABS.values());
            LABS.clear();
        }
        for (WarmPeers w : all) {
            synchronized (w) {
                w.peers.values().forEach(WarmPeer::close);
            }
        }
    }
}
