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
    /**
     * The first client's deadline also covers waiting for the second one's JVM to start and register (seen taking
     * 2.6 s on a loaded 2-core host, which left the first client 14 ms for its echo check). It gets this much extra;
     * when the second client fails, the first is stopped instead of waiting its deadline out.
     */
    static final Duration PEER_START_ALLOWANCE = Duration.ofSeconds(3);

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
        List<String> cmdA = clientCommand(alloc.firstId(), alloc.secondId(), alloc.firstPort(),
            scenario.timeout().plus(PEER_START_ALLOWANCE), plan);
        List<String> cmdB = clientCommand(alloc.secondId(), alloc.firstId(), alloc.secondPort(), scenario.timeout(), plan);
        LabHost hostA = lab.host(plan.first());
        Future<ExecResult> fa = start(hostA, withPidFile(cmdA, pidFile(alloc.firstId())));
        Future<ExecResult> fb = awaitRegistration(alloc.firstId(), fa) ? start(lab.host(plan.second()), cmdB) : null;
        long tRegistered = System.nanoTime();
        ClientRun second = fb != null ? collect(plan.second(), alloc.secondId(), cmdB, fb)
            : ClientRun.notStarted(plan.second(), alloc.secondId(), "not started: the rendezvous server never logged "
                + "'registered id=" + alloc.firstId() + "' before the first client ended or timed out");
        boolean stopped = !second.report().direct() && !fa.isDone();
        if (stopped) // the trial has failed: do not wait out the first client's longer deadline
            hostA.exec(Duration.ofSeconds(5), "sh", "-c", "kill $(cat " + pidFile(alloc.firstId()) + ") 2>/dev/null; true");
        ClientRun first = collect(plan.first(), alloc.firstId(), cmdA, fa);
        if (stopped && first.report().error() != null && first.report().error().startsWith("client printed no JSON"))
            first = new ClientRun(first.peer(), first.id(), first.command(), first.exec(),
                ClientReport.failure("stopped by the runner after the second client failed"));

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
        Duration limit = scenario.timeout().plus(PEER_START_ALLOWANCE).plus(EXEC_SLACK);
        return threads.submit(() -> host.exec(limit, command.toArray(String[]::new)));
    }

    /** Routers on either peer's path, innermost first, each once. */
    private List<RouterHost> routersOf(PairPlan plan) {
        Set<String> sites = new LinkedHashSet<>();
        for (String peer : List.of(plan.first(), plan.second()))
            scenario.topology().natPath(peer).stream().map(Site::name).forEach(sites::add);
        return sites.stream().map(lab::router).toList();
    }

    private static String pidFile(String clientId) { return "/tmp/natlab-client-" + clientId + ".pid"; }

    /** Runs the command through a shell that records its pid first, so the runner can stop exactly this client. */
    private static List<String> withPidFile(List<String> command, String pidFile) {
        List<String> out = new ArrayList<>(List.of("sh", "-c", "echo $$ > " + pidFile + "; exec \"$@\"", "sh"));
        out.addAll(command);
        return out;
    }

    List<String> clientCommand(String id, String peerId, int localPort, Duration timeout, PairPlan plan) {
        List<String> cmd = new ArrayList<>(CLIENT_JVM);
        cmd.addAll(List.of("client", "--server", lab.rendezvousEndpoint(), "--id", id, "--peer", peerId,
            "--local-port", Integer.toString(localPort), "--timeout", timeout.toMillis() + "ms",
            "--strategy", plan.strategy().cliName(), "--echo", Integer.toString(scenario.echoBytes())));
        String token = scenario.topology().rendezvous().token();
        if (token != null) cmd.add("--token=" + token); // one word: a value can never read as another option
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
