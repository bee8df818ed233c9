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
 * Runs one trial on a live lab: reset, capture on the routers involved, start the first client (warm or fresh,
 * {@link ClientLaunch}), wait until the rendezvous server has registered it, start the second, collect both JSON
 * results and event logs ({@link TrialClients}: a failed side stops the other at once), judge, and keep the
 * evidence when the trial failed or did not do what was expected (at most {@link #MAX_DIAGNOSED_PER_PAIR} per pair).
 */
final class TrialExecutor {
    private static final Logger log = LoggerFactory.getLogger(TrialExecutor.class);
    /** Client JVM start and exit on top of the punch timeout. */
    private static final Duration EXEC_SLACK = Duration.ofSeconds(20);
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
        Duration timeoutB = scenario.timeoutFor(plan.first(), plan.second()); // RTT-relative timeouts resolve per pair
        ClientLaunch launch = new ClientLaunch(lab, scenario, threads,
            scenario.timeout().plus(ClientLaunch.FRESH_START_ALLOWANCE).plus(EXEC_SLACK));
        launch.prepare(plan.first(), plan.firstImpl(), plan.second(), plan.secondImpl());
        Duration timeoutA = timeoutB.plus(launch.startAllowance(plan.secondImpl()));
        String strategy = plan.strategy().wireName();
        TrialClients.Runs runs = TrialClients.run(
            launch.side(plan.first(), plan.firstImpl(), alloc.firstId(), alloc.secondId(), alloc.firstPort(), timeoutA, strategy),
            launch.side(plan.second(), plan.secondImpl(), alloc.secondId(), alloc.firstId(), alloc.secondPort(), timeoutB, strategy),
            scenario.timeout().plus(EXEC_SLACK));
        long tRegistered = System.nanoTime();
        ClientRun first = runs.first(), second = runs.second();

        double wallMs = (System.nanoTime() - t0) / 1e6;
        TrialResult result = TrialAssessment.assess(index, first, second, scenario.echoBytes(),
            scenario.budgetFor(plan.first(), plan.second()), wallMs);
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

    /** Routers on either peer's path, innermost first, each once. */
    private List<RouterHost> routersOf(PairPlan plan) {
        Set<String> sites = new LinkedHashSet<>();
        for (String peer : List.of(plan.first(), plan.second()))
            scenario.topology().natPath(peer).stream().map(Site::name).forEach(sites::add);
        return sites.stream().map(lab::router).toList();
    }
}
