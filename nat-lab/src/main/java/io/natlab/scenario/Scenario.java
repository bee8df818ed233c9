package io.natlab.scenario;

import io.natlab.impl.Implementation;

import io.natlab.punch.Strategy;
import io.natlab.scenario.stream.StreamPlan;
import io.natlab.scenario.yaml.ScenarioDefaults;
import io.natlab.topology.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scenario file: a topology plus who punches whom, how, and what is expected.
 *
 * @param name           scenario name (file name without extension unless given)
 * @param description    the one-line description
 * @param source         the file
 * @param topology       the lab topology
 * @param punches        pairs that punch
 * @param strategies     strategies to run each pair with (default: listen-connect)
 * @param budget         time budget per successful punch (time-to-punch above it is a failed trial)
 * @param timeout        client deadline for one trial (default: max(5 s, 2 * budget))
 * @param trials         trials per pair, role order and strategy
 * @param minSuccessRate fraction of trials that must succeed for a {@code direct} verdict to hold
 * @param echoBytes      bytes each way to verify over the punched stream
 * @param budgetRule     the budget as written, possibly relative to the pair's RTT ({@code 2rtt + 100ms});
 *                       {@link #budget} is it resolved for the scenario's slowest pair
 * @param timeoutRule    the timeout as written, or {@code null} for the default max(5 s, 2 x the pair's budget)
 * @param implementations the implementations under test; every ordered combination of them punches each pair
 *                       (default: punch-core alone)
 * @param stream         how long the punched stream is held and the router events meanwhile ({@link StreamPlan#NONE}:
 *                       not held)
 * @param process        how trials run their clients: warm agents (the default) or a fresh process per client
 * @param skews          start skews to run every pair at ({@code skew:}; default [0]): the second peer's START is
 *                       held back this long, and each value is its own verdict (a punch entry may list its own)
 */
public record Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                       List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                       double minSuccessRate, int echoBytes, TimeBudget budgetRule, TimeBudget timeoutRule,
                       List<Implementation> implementations, StreamPlan stream, ProcessMode process,
                       List<Duration> skews) {
    public Scenario {
        if (stream == null) stream = StreamPlan.NONE;
        implementations = implementations == null || implementations.isEmpty()
            ? List.of(Implementation.PUNCH_CORE) : List.copyOf(implementations);
        if (process == null) process = ProcessMode.WARM;
        skews = skews == null || skews.isEmpty() ? List.of(Duration.ZERO) : List.copyOf(skews);
    }

    /** Without start skew. */
    public Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                    List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                    double minSuccessRate, int echoBytes, TimeBudget budgetRule, TimeBudget timeoutRule,
                    List<Implementation> implementations, StreamPlan stream, ProcessMode process) {
        this(name, description, source, topology, punches, strategies, budget, timeout, trials, minSuccessRate, echoBytes,
            budgetRule, timeoutRule, implementations, stream, process, List.of());
    }

    /** Warm by default. */
    public Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                    List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                    double minSuccessRate, int echoBytes, TimeBudget budgetRule, TimeBudget timeoutRule,
                    List<Implementation> implementations, StreamPlan stream) {
        this(name, description, source, topology, punches, strategies, budget, timeout, trials, minSuccessRate, echoBytes,
            budgetRule, timeoutRule, implementations, stream, ProcessMode.WARM);
    }

    /** Not held. */
    public Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                    List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                    double minSuccessRate, int echoBytes, TimeBudget budgetRule, TimeBudget timeoutRule,
                    List<Implementation> implementations) {
        this(name, description, source, topology, punches, strategies, budget, timeout, trials, minSuccessRate, echoBytes,
            budgetRule, timeoutRule, implementations, StreamPlan.NONE);
    }

    /** punch-core alone. */
    public Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                    List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                    double minSuccessRate, int echoBytes, TimeBudget budgetRule, TimeBudget timeoutRule) {
        this(name, description, source, topology, punches, strategies, budget, timeout, trials, minSuccessRate, echoBytes,
            budgetRule, timeoutRule, List.of());
    }


    /** Fixed (not RTT-relative) budget and timeout. */
    public Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                    List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                    double minSuccessRate, int echoBytes) {
        this(name, description, source, topology, punches, strategies, budget, timeout, trials, minSuccessRate, echoBytes,
            TimeBudget.of(budget), TimeBudget.of(timeout));
    }

    public Scenario withTrials(int n) {
        return new Scenario(name, description, source, topology, punches, strategies, budget, timeout, n,
            minSuccessRate, echoBytes, budgetRule, timeoutRule, implementations, stream, process, skews);
    }

    /** The same scenario with its clients run another way (a command-line override). */
    public Scenario withProcess(ProcessMode mode) {
        return new Scenario(name, description, source, topology, punches, strategies, budget, timeout, trials,
            minSuccessRate, echoBytes, budgetRule, timeoutRule, implementations, stream, mode, skews);
    }

    /** The same scenario run with other implementations (a command-line override). */
    public Scenario withImplementations(List<Implementation> impls) {
        return new Scenario(name, description, source, topology, punches, strategies, budget, timeout, trials,
            minSuccessRate, echoBytes, budgetRule, timeoutRule, impls, stream, process, skews);
    }

    /** The largest start skew any pair runs at (scenario-wide or a punch's own). */
    public Duration maxSkew() {
        return java.util.stream.Stream.concat(skews.stream(), punches.stream().flatMap(p -> p.skews().stream()))
            .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The pair's configured path RTT ({@link PairRtt}). */
    public Duration rttOf(String first, String second) { return PairRtt.configured(topology, first, second); }

    /** Time-to-punch budget for one pair (RTT-relative budgets resolved with its configured RTT). */
    public Duration budgetFor(String first, String second) {
        return budgetRule == null ? budget : budgetRule.resolve(rttOf(first, second));
    }

    /** Client deadline for one pair. */
    public Duration timeoutFor(String first, String second) {
        if (budgetRule == null) return timeout;
        return timeoutRule != null ? timeoutRule.resolve(rttOf(first, second)) : ScenarioDefaults.timeoutFor(budgetFor(first, second));
    }
}
