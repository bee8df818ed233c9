package io.natlab.scenario.run;

import io.natlab.lab.ExecResult;
import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Runs one trial on a live lab: reset, capture on the routers involved, start the first client, wait until the
 * rendezvous server has registered it, start the second, collect both JSON results, judge, and keep the evidence when
 * the trial did not do what was expected.
 */
final class TrialExecutor {
    private static final Logger log = LoggerFactory.getLogger(TrialExecutor.class);
    /** JVM flags that make the short-lived client start faster (it runs for seconds, C2 never pays off). */
    static final List<String> CLIENT_JVM = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
        "-jar", "/opt/punch/punch.jar");
    /** Client JVM start and exit on top of the punch timeout. */
    private static final Duration EXEC_SLACK = Duration.ofSeconds(20);

    private final Lab lab;
    private final Scenario scenario;
    private final TrialAllocator allocator;
    private final ExecutorService threads;
    private final Diagnostics diagnostics;

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
        lab.reset();
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
        List<String> cmdA = clientCommand(alloc.firstId(), alloc.secondId(), alloc.firstPort(), plan);
        List<String> cmdB = clientCommand(alloc.secondId(), alloc.firstId(), alloc.secondPort(), plan);
        Future<ExecResult> fa = start(lab.host(plan.first()), cmdA);
        Future<ExecResult> fb = awaitRegistration(alloc.firstId(), fa) ? start(lab.host(plan.second()), cmdB) : null;
        long tRegistered = System.nanoTime();
        ClientRun first = collect(plan.first(), alloc.firstId(), cmdA, fa);
        ClientRun second = fb != null ? collect(plan.second(), alloc.secondId(), cmdB, fb)
            : ClientRun.notStarted(plan.second(), alloc.secondId(), "not started: the rendezvous server never logged "
                + "'registered id=" + alloc.firstId() + "' before the first client ended or timed out");

        double wallMs = (System.nanoTime() - t0) / 1e6;
        TrialResult result = TrialAssessment.assess(index, first.report(), second.report(), scenario.echoBytes(),
            scenario.budget(), wallMs, null);
        boolean expectedDirect = plan.expected().outcome() == Expectation.DIRECT;
        boolean unexpected = result.success() != expectedDirect;
        long tClients = System.nanoTime();
        if (unexpected) inParallel(captures, RouterCapture::stop);
        if (log.isDebugEnabled()) log.debug("trial {} phases ms: reset {} capture {} first-registered {} clients {} stop {}",
            alloc.trial(), ms(t0, tReset), ms(tReset, tCapture), ms(tCapture, tRegistered), ms(tRegistered, tClients),
            ms(tClients, System.nanoTime()));
        if (!unexpected) return result;

        String rel = diagnostics.trialDir(scenario, plan, index);
        TrialResult withDiag = new TrialResult(result.index(), result.outcome(), result.method(), result.timeToPunchMs(),
            result.attempts(), result.rttMs(), result.bytesVerified(), result.withinBudget(),
            result.error(), (System.nanoTime() - t0) / 1e6, rel);
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

    private Future<ExecResult> start(LabHost host, List<String> command) {
        Duration limit = scenario.timeout().plus(EXEC_SLACK);
        return threads.submit(() -> host.exec(limit, command.toArray(String[]::new)));
    }

    /** Routers on either peer's path, innermost first, each once. */
    private List<RouterHost> routersOf(PairPlan plan) {
        Set<String> sites = new LinkedHashSet<>();
        for (String peer : List.of(plan.first(), plan.second()))
            scenario.topology().natPath(peer).stream().map(Site::name).forEach(sites::add);
        return sites.stream().map(lab::router).toList();
    }

    List<String> clientCommand(String id, String peerId, int localPort, PairPlan plan) {
        List<String> cmd = new ArrayList<>(CLIENT_JVM);
        cmd.addAll(List.of("client", "--server", lab.rendezvousEndpoint(), "--id", id, "--peer", peerId,
            "--local-port", Integer.toString(localPort), "--timeout", scenario.timeout().toMillis() + "ms",
            "--strategy", plan.strategy().cliName(), "--echo", Integer.toString(scenario.echoBytes())));
        String token = scenario.topology().rendezvous().token();
        if (token != null) { cmd.add("--token"); cmd.add(token); }
        return cmd;
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

    private static ClientRun collect(String peer, String id, List<String> cmd, Future<ExecResult> f) {
        String command = String.join(" ", cmd);
        try {
            ExecResult r = f.get();
            ClientReport report = ClientReport.parse(r.stdout(), r.exitCode());
            if (r.exitCode() == -1 && report.error() == null) report = ClientReport.failure("client killed at exec timeout");
            return new ClientRun(peer, id, command, r, report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClientRun.notStarted(peer, id, "interrupted");
        } catch (ExecutionException e) {
            return ClientRun.notStarted(peer, id, "exec failed: " + e.getCause());
        }
    }
}
