package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;

import io.natlab.scenario.run.evidence.Diagnostics;
import io.natlab.scenario.run.launch.ClientLaunch;
import io.natlab.scenario.run.launch.TrialClients;
import io.natlab.scenario.run.evidence.RouterCapture;
import io.natlab.scenario.run.verdict.ClientReport;
import io.natlab.scenario.run.verdict.ClientRun;
import io.natlab.scenario.run.verdict.TrialAssessment;

import io.natlab.lab.ExecResult;
import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;
import io.natlab.lab.PunchCommand;
import io.natlab.lab.RouterHost;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Scenario;
import io.natlab.topology.Site;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Runs one trial on a live lab: reset, capture on the routers involved, start the first client, wait until the
 * rendezvous server has registered it, start the second, collect both JSON results and event logs, judge, and keep the
 * evidence when the trial failed or did not do what was expected (at most {@link #MAX_DIAGNOSED_PER_PAIR} per pair).
 */
final class TrialExecutor {
    private static final Logger log = LoggerFactory.getLogger(TrialExecutor.class);
    /** Client JVM start and exit on top of the punch timeout. */
    private static final Duration EXEC_SLACK = Duration.ofSeconds(20);
    /**
     * The first client's deadline also covers its own JVM start and waiting for the second one's JVM to start and
     * register: punch-core's --timeout is a hard limit from process start. Seen: 2.6 s (left the first client 14 ms
     * for its echo check), and 4.3 s for the second JVM on a loaded 2-core host (the first ran out 0.2 s after START).
     * It gets this much extra; when the second client fails, the first is stopped instead of waiting it out, so the
     * allowance costs nothing in a trial whose outcome is known.
     */
    static final Duration PEER_START_ALLOWANCE = Duration.ofSeconds(8);
    /** Trials per pair whose full evidence (captures, logs, rulesets) is kept, so long runs stay small. */
    static final int MAX_DIAGNOSED_PER_PAIR = 3;

    private final Lab lab;
    private final Scenario scenario;
    private final TrialAllocator allocator;
    private final ExecutorService threads;
    private final Diagnostics diagnostics;
    /** Failed (or surprising) trials of this pair that got diagnostics so far. */
    private int diagnosed;
    /** Hooks for {@link SingleTrial}: keep every trial's evidence, and the last trial's client processes. */
    boolean keepEveryTrial;
    List<ClientRun> lastClients = List.of();

    TrialExecutor(Lab lab, Scenario scenario, TrialAllocator allocator, ExecutorService threads, Diagnostics diagnostics) {
        this.lab = lab;
        this.scenario = scenario;
        this.allocator = allocator;
        this.threads = threads;
        this.diagnostics = diagnostics;
    }

    TrialResult run(PairPlan plan, int index) {
        long t0 = System.nanoTime();
        TrialAllocator.Allocation alloc = allocator.next(plan.first(), plan.second());
        lab.reset(sitesOf(plan));
        try (HeldStream held = HeldStream.of(lab, scenario, plan)) {
            return run(plan, index, t0, alloc, held);
        }
    }

    private TrialResult run(PairPlan plan, int index, long t0, TrialAllocator.Allocation alloc, HeldStream held) {
        long tReset = System.nanoTime();
        List<RouterCapture> captures = routersOf(plan).stream().map(r -> new RouterCapture(r, alloc.trial())).toList();
        List<String> captureProblems = new ArrayList<>();
        List<ExecResult> started = inParallel(captures, RouterCapture::start);
        for (int i = 0; i < captures.size(); i++) {
            ExecResult r = started.get(i);
            if (!r.ok()) captureProblems.add(captures.get(i).router().name() + ": tcpdump did not start (exit "
                + r.exitCode() + "): " + (r.stderr() + r.stdout()).strip());
        }
        long tCapture = System.nanoTime();
        // RTT-relative timeouts resolve per pair; a start skew delays the later START, so both deadlines grow by it
        Duration timeoutB = StartSkew.deadline(scenario.timeoutFor(plan.first(), plan.second()), plan.skew());
        StartSkew.announce(lab, alloc.secondId(), plan.skew());
        ClientRun first, second;
        long tRegistered;
        if (!scenario.stream().held()) { // warm or fresh, a failed side stops the other at once (ClientLaunch)
            ClientLaunch launch = new ClientLaunch(lab, scenario, threads,
                scenario.timeout().plus(scenario.maxSkew()).plus(ClientLaunch.FRESH_START_ALLOWANCE).plus(EXEC_SLACK));
            launch.prepare(plan.first(), plan.firstImpl(), plan.second(), plan.secondImpl());
            Duration timeoutA = timeoutB.plus(launch.startAllowance(plan.secondImpl()));
            String strategy = plan.strategy().wireName();
            TrialClients.Runs runs = TrialClients.run(
                launch.side(plan.first(), plan.firstImpl(), alloc.firstId(), alloc.secondId(), alloc.firstPort(), timeoutA, strategy),
                launch.side(plan.second(), plan.secondImpl(), alloc.secondId(), alloc.firstId(), alloc.secondPort(), timeoutB, strategy),
                scenario.timeout().plus(scenario.maxSkew()).plus(EXEC_SLACK));
            tRegistered = System.nanoTime();
            first = runs.first();
            second = runs.second();
        } else { // a held stream with router events: fresh processes whose live stderr drives the events
            Duration timeoutA = timeoutB.plus(PEER_START_ALLOWANCE);
            List<String> cmdA = held.withHoldOptions(clientCommand(plan.firstImpl(), alloc.firstId(), alloc.secondId(), alloc.firstPort(), timeoutA, plan), plan.firstImpl());
            List<String> cmdB = held.withHoldOptions(clientCommand(plan.secondImpl(), alloc.secondId(), alloc.firstId(), alloc.secondPort(), timeoutB, plan), plan.secondImpl());
            LabHost hostA = lab.host(plan.first());
            Launched fa = start(hostA, withPidFile(cmdA, pidFile(alloc.firstId())), held);
            Launched fb = awaitRegistration(alloc.firstId(), fa.exec()) ? start(lab.host(plan.second()), cmdB, held) : null;
            tRegistered = System.nanoTime();
            second = fb != null ? collect(plan.second(), alloc.secondId(), cmdB, timeoutB, fb)
                : ClientRun.notStarted(plan.second(), alloc.secondId(), timeoutB, "not started: the rendezvous server never "
                    + "logged 'registered id=" + alloc.firstId() + "' before the first client ended or timed out");
            boolean stopped = !second.report().direct() && !fa.exec().isDone();
            if (stopped) // the trial has failed: do not wait out the first client's longer deadline
                hostA.exec(Duration.ofSeconds(5), "sh", "-c", "kill $(cat " + pidFile(alloc.firstId()) + ") 2>/dev/null; true");
            first = collect(plan.first(), alloc.firstId(), cmdA, timeoutA, fa);
            if (stopped && first.report().error() != null && first.report().error().startsWith("client printed no JSON"))
                first = first.withReport(ClientReport.failure("stopped by the runner after the second client failed"), true);
        }

        double wallMs = (System.nanoTime() - t0) / 1e6;
        TrialResult result = TrialAssessment.assess(index, first, second, scenario.echoBytes(),
            scenario.budgetFor(plan.first(), plan.second()), plan.skew(), wallMs);
        result = held.judge(result, first, second);
        boolean expectedDirect = plan.expected().outcome() == Expectation.DIRECT;
        // Evidence for every trial that failed or surprised, expected or not, up to the per-pair cap.
        boolean keep = (keepEveryTrial || !result.success() || result.success() != expectedDirect) && diagnosed < MAX_DIAGNOSED_PER_PAIR;
        lastClients = List.of(first, second);
        long tClients = System.nanoTime();
        if (keep) inParallel(captures, RouterCapture::stop);
        if (log.isDebugEnabled()) log.debug("trial {} phases ms: reset {} capture {} first-registered {} clients {} stop {}",
            alloc.trial(), ms(t0, tReset), ms(tReset, tCapture), ms(tCapture, tRegistered), ms(tRegistered, tClients),
            ms(tClients, System.nanoTime()));
        if (!keep) return result;

        diagnosed++;
        TrialResult withDiag = result.withDiagnostics(diagnostics.trialDir(scenario, plan, index), (System.nanoTime() - t0) / 1e6);
        diagnostics.writeTrial(lab, scenario, plan, withDiag, alloc, List.of(first, second), captures, captureProblems);
        return withDiag;
    }

    /** One exec per router, all at once (routers are independent containers). */
    private <T> List<T> inParallel(List<RouterCapture> captures, java.util.function.Function<RouterCapture, T> step) {
        List<Future<T>> fs = captures.stream().map(c -> threads.submit(() -> step.apply(c))).toList();
        List<T> out = new ArrayList<>();
        for (Future<T> f : fs) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while capturing on routers", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("router capture failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    private static long ms(long from, long to) { return (to - from) / 1_000_000; }

    /** A client exec in flight, with when it was launched and when its exec returned. */
    private record Launched(Instant at, Future<ExecResult> exec, AtomicReference<Instant> ended) {}

    private Launched start(LabHost host, List<String> command, HeldStream held) {
        Duration limit = scenario.timeout().plus(scenario.maxSkew()).plus(PEER_START_ALLOWANCE).plus(EXEC_SLACK).plus(held.extraTime());
        AtomicReference<Instant> ended = new AtomicReference<>();
        Instant at = Instant.now();
        return new Launched(at, threads.submit(() -> {
            try {
                return held.watcher() == null ? host.exec(limit, command.toArray(String[]::new))
                    : host.execWatching(limit, held.watcher(), command.toArray(String[]::new));
            } finally {
                ended.set(Instant.now());
            }
        }), ended);
    }

    /** Routers on either peer's path, innermost first, each once. */
    private List<RouterHost> routersOf(PairPlan plan) {
        return sitesOf(plan).stream().map(lab::router).toList();
    }

    /** The sites on either peer's path, innermost first, each once. */
    private Set<String> sitesOf(PairPlan plan) {
        Set<String> sites = new LinkedHashSet<>();
        for (String peer : List.of(plan.first(), plan.second()))
            scenario.topology().natPath(peer).stream().map(Site::name).forEach(sites::add);
        return sites;
    }

    private static String pidFile(String clientId) { return "/tmp/natlab-client-" + clientId + ".pid"; }

    /** Runs the command through a shell that records its pid first, so the runner can stop exactly this client. */
    private static List<String> withPidFile(List<String> command, String pidFile) {
        List<String> out = new ArrayList<>(List.of("sh", "-c", "echo $$ > " + pidFile + "; exec \"$@\"", "sh"));
        out.addAll(command);
        return out;
    }

    /** punch-core through its wrapper and flags; any other implementation through the peer contract's variables. */
    List<String> clientCommand(Implementation impl, String id, String peerId, int localPort, Duration timeout, PairPlan plan) {
        if (impl.builtIn())
            return PunchCommand.client(lab.rendezvousEndpoint(), id, peerId, localPort, timeout, plan.strategy().wireName(),
                scenario.echoBytes(), scenario.topology().rendezvous().token());
        return new PeerContract(lab.rendezvousEndpoint(), id, peerId, scenario.topology().rendezvous().token(), localPort,
            timeout, scenario.echoBytes(), plan.strategy().wireName()).argv(impl);
    }

    /** Waits until the server logged the first client's registration (or that client already ended). */
    private boolean awaitRegistration(String id, Future<ExecResult> firstClient) {
        Pattern logged = Pattern.compile("registered id=" + Pattern.quote(id) + "(\\s|$)", Pattern.MULTILINE);
        LabHost server = lab.rendezvous();
        try {
            Awaitility.await("rendezvous registration of " + id)
                .atMost(scenario.timeout().plus(EXEC_SLACK))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(40))
                .until(() -> firstClient.isDone() || logged.matcher(server.logs()).find());
        } catch (ConditionTimeoutException e) {
            return false;
        }
        return logged.matcher(server.logs()).find();
    }

    private static ClientRun collect(String peer, String id, List<String> cmd, Duration timeout, Launched launched) {
        String command = String.join(" ", cmd);
        try {
            ExecResult r = launched.exec().get();
            ClientReport report = ClientReport.parse(r.stdout(), r.exitCode());
            if (r.exitCode() == -1 && report.error() == null) report = ClientReport.failure("client killed at exec timeout");
            return new ClientRun(peer, id, command, r, report, timeout, launched.at(), launched.ended().get(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClientRun.notStarted(peer, id, timeout, "interrupted");
        } catch (ExecutionException e) {
            return ClientRun.notStarted(peer, id, timeout, "exec failed: " + e.getCause());
        }
    }
}
