package io.natlab.shard;

import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Punch;
import io.natlab.scenario.Scenario;
import java.util.HashMap;
import java.util.Map;

/**
 * A scenario's cost in seconds for shard planning: its measured wall time from an earlier run when there is
 * one, otherwise an estimate from its shape (lab start, then every trial: overhead plus the budget, or the
 * whole client deadline where a failure is expected, since a failed trial waits it out).
 */
public final class ShardCost {
    static final double LAB_START_SECONDS = 5;
    static final double LAB_START_PER_SITE_SECONDS = 1;
    static final double TRIAL_OVERHEAD_SECONDS = 1.5;

    private final Map<String, Double> measured;

    private ShardCost(Map<String, Double> measured) {
        this.measured = measured;
    }

    public static ShardCost estimated() {
        return new ShardCost(Map.of());
    }

    /** Costs measured by an earlier run (its results.json), keyed by scenario name; others are estimated. */
    public static ShardCost measuredBy(RunResult earlier) {
        Map<String, Double> byName = new HashMap<>();
        for (ScenarioResult s : earlier.scenarios()) {
            if (s.error() == null && s.wallMs() > 0) {
                byName.put(s.name(), s.wallMs() / 1000.0);
            }
        }
        return new ShardCost(byName);
    }

    public double seconds(Scenario s) {
        Double known = measured.get(s.name());
        return known != null ? known : estimate(s);
    }

    static double estimate(Scenario s) {
        double seconds = LAB_START_SECONDS + LAB_START_PER_SITE_SECONDS * s.topology().sites().size();
        for (Punch p : s.punches()) {
            double perTrial = TRIAL_OVERHEAD_SECONDS + (p.expect() == Expectation.FAILED
                    ? s.timeout().toMillis() : s.budget().toMillis()) / 1000.0;
            int skews = p.skews().isEmpty() ? s.skews().size() : p.skews().size();
            seconds += (p.bothOrders() ? 2 : 1) * s.strategies().size() * skews * (double) s.trials() * perTrial;
        }
        return seconds;
    }
}
