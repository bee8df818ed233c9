package io.natlab.scenario.yaml;

import io.natlab.impl.Implementation;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.ProcessMode;
import io.natlab.scenario.Punch;
import io.natlab.scenario.Scenario;
import io.natlab.punch.Strategy;
import io.natlab.scenario.TimeBudget;
import io.natlab.scenario.stream.StreamPlan;
import io.natlab.topology.Topology;
import io.natlab.yaml.DidYouMean;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Problems;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.yaml.Scalars;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.topology.yaml.TopologyReader;
import io.natlab.yaml.YamlList;
import io.natlab.yaml.YamlNode;
import io.natlab.yaml.YamlScalar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a scenario file's root mapping: the topology (via {@link TopologyReader}) plus punches and run settings. */
public final class ScenarioReader {

    public static final Map<String, Strategy> STRATEGIES = Scalars.names(Strategy.values(), Strategy::wireName);
    public static final Map<String, Expectation> EXPECTATIONS = Scalars.names(Expectation.values(), Expectation::yamlName);
    public static final Map<String, ProcessMode> PROCESS_MODES = Scalars.names(ProcessMode.values(), ProcessMode::yamlName);

    private final ReservedRanges reserved;

    public ScenarioReader(ReservedRanges reserved) { this.reserved = reserved; }

    /** The scenario, or empty when anything is wrong (every problem is in {@code problems}). */
    public Optional<Scenario> read(YamlNode root, Path source, Problems problems) {
        int errorsBefore = problems.count();
        Optional<MappingReader> r = MappingReader.of(root, "", ScenarioKeys.SCENARIO, problems);
        if (r.isEmpty()) return Optional.empty();
        MappingReader top = r.get();

        String name = TopologyLoader.name(top, source);
        String description = TopologyLoader.description(top, true).orElse(null);
        TopologyReader.Result topology = top.required("topology", "the lab's internet, rendezvous and sites")
            .map(t -> new TopologyReader(reserved).read(t, "topology", name, source, problems))
            .orElse(new TopologyReader.Result(Optional.empty(), Set.of()));

        List<Punch> punches = punches(top, topology.declaredPeers());
        List<Strategy> strategies = strategies(top);
        TimeBudget budgetRule = budget(top, "budget").orElse(TimeBudget.of(ScenarioDefaults.BUDGET));
        TimeBudget timeoutRule = budget(top, "timeout").orElse(null);
        int trials = top.integer("trials", 1, ScenarioDefaults.MAX_TRIALS).map(Long::intValue).orElse(ScenarioDefaults.TRIALS);
        double minSuccessRate = top.number("min-success-rate", 0, 1).orElse(ScenarioDefaults.MIN_SUCCESS_RATE);
        int echoBytes = top.integer("echo-bytes", 1, ScenarioDefaults.MAX_ECHO_BYTES).map(Long::intValue)
            .orElse(ScenarioDefaults.ECHO_BYTES);
        List<Implementation> implementations = ImplementationsReader.read(top, source);
        List<Duration> skews = SkewReader.read(top);
        StreamPlan stream = StreamPlanReader.read(top, topology.topology(), punches, implementations);
        ProcessMode process = top.choice("process", "process mode", PROCESS_MODES).orElse(ProcessMode.WARM);

        if (problems.count() > errorsBefore) return Optional.empty();
        Topology t = topology.topology().orElseThrow();
        Scenario probe = new Scenario(name, description, source, t, punches, strategies, Duration.ZERO, Duration.ZERO, trials,
            minSuccessRate, echoBytes, budgetRule, timeoutRule);
        // budget()/timeout(): resolved for the slowest pair; each pair's own come from budgetFor/timeoutFor
        Duration budget = Duration.ZERO, timeout = Duration.ZERO;
        for (Punch p : punches) {
            Duration b = probe.budgetFor(p.a(), p.b()), to = probe.timeoutFor(p.a(), p.b());
            if (to.compareTo(b) < 0) {
                top.error("timeout", "is shorter than the budget (" + b.toMillis() + " ms"
                    + (budgetRule.relative() ? " for " + p.a() + "-" + p.b() : "") + "); a trial could never use its budget");
                return Optional.empty();
            }
            if (b.compareTo(budget) > 0) budget = b;
            if (to.compareTo(timeout) > 0) timeout = to;
        }
        return Optional.of(new Scenario(name, description, source, t, punches, strategies, budget, timeout, trials,
            minSuccessRate, echoBytes, budgetRule, timeoutRule, implementations, stream, process, skews));
    }

    private List<Punch> punches(MappingReader top, Set<String> declared) {
        List<Punch> punches = new ArrayList<>();
        Optional<YamlList> list = top.required("punches", "a list of peer pairs, e.g. - peers: [alice, bob]")
            .flatMap(n -> Scalars.list(n, top.path("punches"), top.problems()));
        if (list.isEmpty()) return punches;
        if (list.get().items().isEmpty()) top.error("punches", "needs at least one pair, e.g. - peers: [alice, bob]");
        Map<Set<String>, String> seenPairs = new HashMap<>();
        for (int i = 0; i < list.get().items().size(); i++) {
            String path = top.path("punches") + "[" + i + "]";
            YamlNode item = list.get().items().get(i);
            MappingReader.of(item, path, ScenarioKeys.PUNCH, top.problems())
                .flatMap(p -> punch(p, declared, seenPairs))
                .ifPresent(punches::add);
        }
        return punches;
    }

    private Optional<Punch> punch(MappingReader p, Set<String> declared, Map<Set<String>, String> seenPairs) {
        Problems problems = p.problems();
        Expectation expect = p.choice("expect", "expectation", EXPECTATIONS).orElse(ScenarioDefaults.EXPECT);
        boolean bothOrders = p.bool("both-orders").orElse(ScenarioDefaults.BOTH_ORDERS);
        Optional<YamlList> peers = p.required("peers", "the two peers that punch, e.g. [alice, bob]")
            .flatMap(n -> Scalars.list(n, p.path("peers"), problems));
        if (peers.isEmpty()) return Optional.empty();
        if (peers.get().items().size() != 2) {
            p.error("peers", "needs exactly two peers, got " + peers.get().items().size());
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            YamlNode item = peers.get().items().get(i);
            String itemPath = p.path("peers") + "[" + i + "]";
            Optional<String> peer = Scalars.string(item, itemPath, problems);
            if (peer.isEmpty()) continue;
            if (!declared.contains(peer.get())) {
                problems.add(item.where(), itemPath, "undeclared peer '" + peer.get() + "'" + DidYouMean.hint(peer.get(), declared)
                    + (declared.isEmpty() ? "; no peers are declared" : "; declared peers: " + String.join(", ", declared)));
            }
            names.add(peer.get());
        }
        if (names.size() != 2) return Optional.empty();
        if (names.get(0).equals(names.get(1))) {
            problems.add(peers.get().items().get(1).where(), p.path("peers") + "[1]", "a peer cannot punch to itself");
            return Optional.empty();
        }
        String earlier = seenPairs.putIfAbsent(Set.copyOf(names), p.path());
        if (earlier != null) {
            p.error("peers", "the pair " + names.get(0) + "/" + names.get(1) + " is already punched by " + earlier
                + " (both-orders covers the reverse order)");
        }
        return Optional.of(new Punch(names.get(0), names.get(1), expect, bothOrders, p.where(),
            StreamPlanReader.expectation(p), SkewReader.read(p)));
    }

    private List<Strategy> strategies(MappingReader top) {
        Optional<YamlList> list = top.list("strategies");
        if (list.isEmpty()) return ScenarioDefaults.STRATEGIES;
        if (list.get().items().isEmpty()) {
            top.error("strategies", "needs at least one of " + String.join(", ", STRATEGIES.keySet()) + " (or leave it out)");
        }
        List<Strategy> strategies = new ArrayList<>();
        for (int i = 0; i < list.get().items().size(); i++) {
            YamlNode item = list.get().items().get(i);
            String path = top.path("strategies") + "[" + i + "]";
            Scalars.choice(item, path, "strategy", STRATEGIES, top.problems()).ifPresent(s -> {
                if (strategies.contains(s)) top.problems().add(item.where(), path, "'" + s.wireName() + "' is listed twice");
                else strategies.add(s);
            });
        }
        return List.copyOf(strategies);
    }

    /** A duration or an RTT-relative budget ({@code 2rtt + 100ms}); must be more than 0. */
    private static Optional<TimeBudget> budget(MappingReader top, String key) {
        Optional<String> text = top.node(key).filter(n -> n instanceof YamlScalar sc && !sc.isNull() && sc.text().contains("rtt"))
            .map(n -> ((YamlScalar) n).text());
        if (text.isEmpty()) return positive(top, key).map(TimeBudget::of);
        try {
            return Optional.of(TimeBudget.parse(text.get()));
        } catch (IllegalArgumentException e) {
            top.error(key, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Duration> positive(MappingReader top, String key) {
        Optional<Duration> d = top.duration(key);
        if (d.isPresent() && d.get().isZero()) {
            top.error(key, "must be more than 0");
            return Optional.empty();
        }
        return d;
    }
}
