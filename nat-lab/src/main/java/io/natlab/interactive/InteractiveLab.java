package io.natlab.interactive;

import io.natlab.impl.Implementation;
import io.natlab.lab.DockerLab;
import io.natlab.lab.DockerLabHost;
import io.natlab.lab.LabHost;
import io.natlab.punch.Printable;
import io.natlab.punch.Strategy;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.run.PairPlan;
import io.natlab.scenario.run.SingleTrial;
import io.natlab.scenario.run.verdict.ClientRun;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The lab {@code nat-lab up} holds, and what its control socket serves: {@code punch} (one trial through the
 * scenario runner's trial code, evidence always kept) and {@code down}.
 */
public final class InteractiveLab implements ControlServer.Handler, AutoCloseable {
    private final DockerLab lab;
    private final Scenario scenario;
    private final List<Implementation> implementations;
    private final SingleTrial trials;
    private final LabState state;
    private final CountDownLatch down = new CountDownLatch(1);

    public InteractiveLab(DockerLab lab, Scenario scenario, List<Implementation> implementations, Path evidence,
                          Path repoRoot, Path socket) {
        this.lab = lab;
        this.scenario = scenario;
        this.implementations = List.copyOf(implementations);
        this.trials = new SingleTrial(lab, scenario, evidence, repoRoot);
        Map<String, String> containers = new LinkedHashMap<>();
        for (LabHost h : lab.hosts()) if (h instanceof DockerLabHost d) containers.put(h.name(), d.containerId());
        ProcessHandle me = ProcessHandle.current();
        this.state = new LabState(lab.id(), lab.topology().name(), String.valueOf(scenario.source()), me.pid(),
            me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L), socket.toString(),
            lab.rendezvousEndpoint(), evidence.toString(), implementations.stream().map(Implementation::name).toList(),
            HostListing.hosts(lab.plan(), containers));
    }

    public LabState state() { return state; }

    /** Blocks until a {@code down} request came (Ctrl-C ends the JVM instead). */
    public void awaitDown() throws InterruptedException { down.await(); }

    @Override public synchronized int handle(Map<String, String> request, PrintWriter out) {
        String cmd = request.getOrDefault("cmd", "");
        switch (cmd) {
            case "down" -> {
                out.println("removing lab " + state.name() + " (id " + state.labId() + ")");
                out.flush();
                close();
                out.println("removed");
                return 0;
            }
            case "punch" -> {
                return punch(request.get("first"), request.get("second"), request.get("firstImpl"),
                    request.get("secondImpl"), request.getOrDefault("strategy", Strategy.LISTEN_CONNECT.wireName()), out);
            }
            default -> {
                out.println("error: unknown request '" + Printable.escape(cmd) + "'");
                return 2;
            }
        }
    }

    @Override public void answered(Map<String, String> request) {
        if ("down".equals(request.get("cmd"))) down.countDown();
    }

    private int punch(String first, String second, String firstImpl, String secondImpl, String strategyName, PrintWriter out) {
        for (String p : new String[] {first, second}) {
            if (p == null || !state.peerNames().contains(p)) {
                out.println("error: no peer '" + Printable.escape(String.valueOf(p)) + "' in lab " + state.name()
                    + "; peers: " + String.join(", ", state.peerNames()));
                return 2;
            }
        }
        Implementation a = implementation(firstImpl), b = implementation(secondImpl);
        Strategy strategy;
        try { strategy = Strategy.parse(strategyName); } catch (IllegalArgumentException e) { strategy = null; }
        if (a == null || b == null || strategy == null) {
            out.println("error: " + (strategy == null ? "unknown strategy '" + Printable.escape(strategyName) + "'"
                : "implementation not carried by this lab: " + (a == null ? firstImpl : secondImpl))
                + "; implementations: " + String.join(", ", state.implementations()));
            return 2;
        }
        PairPlan plan = PairPlan.of(scenario.topology(), first, second, strategy, Expectation.AUTO, a, b);
        out.println("punch " + first + " (" + a.name() + ") -> " + second + " (" + b.name() + "), " + strategy.wireName()
            + ", deadline " + scenario.timeoutFor(first, second).toMillis() + " ms; theory expects " + plan.expected().outcome().yamlName());
        out.flush();
        SingleTrial.Outcome o = trials.run(plan, true);
        TrialResult r = o.result();
        out.println("result: " + r.outcome().wireName() + (r.timeToPunchMs() == null ? "" : String.format(Locale.ROOT,
            ", time-to-punch %.1f ms, %s", r.timeToPunchMs(), r.method() == null ? "-" : r.method().wireName())) + (r.error() == null ? "" : "; " + r.error()));
        for (ClientRun c : o.clients()) {
            String json = c.exec() == null ? "(not started: " + c.report().error() + ")"
                : c.exec().stdout().strip().isEmpty() ? "(printed nothing, exit " + c.exec().exitCode() + ")"
                : Printable.escape(c.exec().stdout().strip());
            out.println("  " + c.peer() + " (exit " + (c.exec() == null ? "-" : c.exec().exitCode()) + "): " + json);
        }
        if (o.evidence() != null) {
            out.println("evidence: " + o.evidence());
            File[] files = o.evidence().toFile().listFiles((d, n) -> n.endsWith(".pcap"));
            if (files != null) for (File f : files) out.println("  capture: " + f);
        }
        return r.success() ? 0 : 1;
    }

    private Implementation implementation(String name) {
        if (name == null || name.isEmpty()) return Implementation.PUNCH_CORE;
        return implementations.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    @Override public void close() {
        trials.close();
        lab.close();
    }
}
