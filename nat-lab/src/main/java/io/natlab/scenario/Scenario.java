package io.natlab.scenario;

import io.natlab.punch.Strategy;
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
 */
public record Scenario(String name, String description, Path source, Topology topology, List<Punch> punches,
                       List<Strategy> strategies, Duration budget, Duration timeout, int trials,
                       double minSuccessRate, int echoBytes) {

    public Scenario withTrials(int n) {
        return new Scenario(name, description, source, topology, punches, strategies, budget, timeout, n,
            minSuccessRate, echoBytes);
    }
}
