package io.natlab.scenario.yaml;

import io.natlab.scenario.Expectation;
import io.natlab.punch.Strategy;

import java.time.Duration;
import java.util.List;

/** Values a scenario file may leave out. */
public final class ScenarioDefaults {

    private ScenarioDefaults() {}

    public static final List<Strategy> STRATEGIES = List.of(Strategy.LISTEN_CONNECT);
    public static final Duration BUDGET = Duration.ofSeconds(3);
    /** The client deadline is never below this, so slow container starts do not count as failures. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(5);
    public static final int TRIALS = 5;
    public static final double MIN_SUCCESS_RATE = 0.8;
    public static final int ECHO_BYTES = 65536;
    public static final Expectation EXPECT = Expectation.AUTO;
    public static final boolean BOTH_ORDERS = true;

    /** Upper bounds that keep a typo from running for hours. */
    public static final int MAX_TRIALS = 10_000;
    public static final int MAX_ECHO_BYTES = 64 * 1024 * 1024;

    /** max(5 s, 2 × budget) */
    public static Duration timeoutFor(Duration budget) {
        Duration twice = budget.multipliedBy(2);
        return twice.compareTo(MIN_TIMEOUT) > 0 ? twice : MIN_TIMEOUT;
    }
}
