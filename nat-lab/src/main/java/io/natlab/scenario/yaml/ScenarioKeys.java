package io.natlab.scenario.yaml;

import io.natlab.topology.yaml.YamlKeys;

import java.util.Set;

/** The keys a scenario file accepts beyond the topology's, in documentation order. */
public final class ScenarioKeys {

    private ScenarioKeys() {}

    public static final Set<String> SCENARIO = YamlKeys.ordered("name", "description", "topology", "punches",
        "strategies", "budget", "timeout", "trials", "min-success-rate", "echo-bytes", "implementations",
        "hold", "heartbeat", "idle-timeout", "recover", "events", "process", "skew");
    public static final Set<String> PUNCH = YamlKeys.ordered("peers", "expect", "both-orders", "stream", "skew");
    public static final Set<String> EVENT = YamlKeys.ordered("at", "router", "do", "for", "loss", "latency");
}
