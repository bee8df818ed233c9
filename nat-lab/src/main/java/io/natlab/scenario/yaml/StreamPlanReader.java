package io.natlab.scenario.yaml;

import io.natlab.impl.Capability;
import io.natlab.impl.Implementation;
import io.natlab.scenario.Punch;
import io.natlab.scenario.stream.EventAction;
import io.natlab.scenario.stream.RouterEvent;
import io.natlab.scenario.stream.StreamExpectation;
import io.natlab.scenario.stream.StreamPlan;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;
import io.natlab.yaml.DidYouMean;
import io.natlab.yaml.Durations;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Scalars;
import io.natlab.yaml.YamlList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario's {@code hold}, {@code heartbeat}, {@code idle-timeout}, {@code recover} and {@code events}, and
 * checks them against the topology, the punches and the implementations: an event's router must be on some pair's
 * path (it disturbs only the pairs behind it), it must happen within the hold, and a held stream needs
 * implementations that declare {@code hold} ({@code recover} for recovery).
 */
final class StreamPlanReader {
    static final Map<String, EventAction> ACTIONS = Scalars.names(EventAction.values(), EventAction::yamlName);
    static final Map<String, StreamExpectation> EXPECTATIONS = Scalars.names(StreamExpectation.values(), StreamExpectation::yamlName);
    /** A hold longer than this is a typo, not a test. */
    static final Duration MAX_HOLD = Duration.ofMinutes(10);

    private StreamPlanReader() {}

    /** The punch's {@code stream:} expectation (auto when absent). */
    static StreamExpectation expectation(MappingReader punch) {
        return punch.choice("stream", "stream expectation", EXPECTATIONS).orElse(StreamExpectation.AUTO);
    }

    /** The plan, or {@link StreamPlan#NONE} when the scenario holds nothing; problems go to the reader's list. */
    static StreamPlan read(MappingReader top, Optional<Topology> topology, List<Punch> punches, List<Implementation> impls) {
        Duration hold = top.duration("hold").orElse(Duration.ZERO);
        if (hold.compareTo(MAX_HOLD) > 0) top.error("hold", "is longer than " + Durations.format(MAX_HOLD));
        Duration heartbeat = positive(top, "heartbeat").orElse(StreamPlan.DEFAULT_HEARTBEAT);
        Duration idle = positive(top, "idle-timeout").orElse(StreamPlan.DEFAULT_IDLE_TIMEOUT);
        boolean recover = top.bool("recover").orElse(false);
        boolean held = !hold.isZero();
        if (!held) {
            for (String key : List.of("heartbeat", "idle-timeout", "recover", "events"))
                if (top.node(key).isPresent()) top.error(key, "needs hold: (how long the punched stream is kept, e.g. hold: 6s)");
            for (Punch p : punches)
                if (p.stream() != StreamExpectation.AUTO)
                    top.problems().add(p.where(), "punches.stream", "needs hold: at the top level (e.g. hold: 6s)");
            return StreamPlan.NONE;
        }
        if (idle.compareTo(heartbeat) <= 0)
            top.error("idle-timeout", "(" + Durations.format(idle) + ") must be longer than the heartbeat ("
                + Durations.format(heartbeat) + "), or a healthy stream is called dead between two heartbeats");
        List<RouterEvent> events = events(top, topology, punches, hold, heartbeat);
        for (Punch p : punches)
            if (p.stream() == StreamExpectation.RECOVERS && !recover)
                top.problems().add(p.where(), "punches.stream", "recovers needs recover: true at the top level");
        requireCapability(top, impls, Capability.HOLD, "hold");
        if (recover) requireCapability(top, impls, Capability.RECOVER, "recover");
        return new StreamPlan(hold, heartbeat, idle, recover, events);
    }

    private static void requireCapability(MappingReader top, List<Implementation> impls, Capability c, String key) {
        List<Implementation> list = impls.isEmpty() ? List.of(Implementation.PUNCH_CORE) : impls;
        for (Implementation i : list)
            if (!i.can(c))
                top.error(key, "implementation '" + i.name() + "' does not declare the capability '" + c.yamlName()
                    + "' (capabilities: in its natlab-impl.yaml)");
    }

    private static List<RouterEvent> events(MappingReader top, Optional<Topology> topology, List<Punch> punches,
                                            Duration hold, Duration heartbeat) {
        List<RouterEvent> out = new ArrayList<>();
        Optional<YamlList> list = top.list("events");
        if (list.isEmpty()) return out;
        Set<String> onPaths = new LinkedHashSet<>();
        topology.ifPresent(t -> punches.forEach(p -> List.of(p.a(), p.b())
            .forEach(peer -> t.natPath(peer).stream().map(Site::name).forEach(onPaths::add))));
        for (int i = 0; i < list.get().items().size(); i++) {
            String path = top.path("events") + "[" + i + "]";
            MappingReader.of(list.get().items().get(i), path, ScenarioKeys.EVENT, top.problems())
                .flatMap(e -> event(e, topology, onPaths, hold, heartbeat)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<RouterEvent> event(MappingReader e, Optional<Topology> topology, Set<String> onPaths,
                                               Duration hold, Duration heartbeat) {
        int before = e.problems().count();
        Optional<Duration> at = e.required("at", "time after the punched stream came up, e.g. at: 2s").flatMap(n -> e.duration("at"));
        Optional<String> router = e.required("router", "the site whose router it happens on").flatMap(n -> e.string("router"));
        Optional<EventAction> action = e.required("do", "one of " + String.join(", ", ACTIONS.keySet()))
            .flatMap(n -> e.choice("do", "event", ACTIONS));
        Optional<Duration> duration = positive(e, "for");
        Optional<Double> loss = e.number("loss", 0, 100);
        Optional<Duration> latency = e.duration("latency");
        if (router.isPresent() && topology.isPresent()) {
            Set<String> sites = new LinkedHashSet<>();
            topology.get().sites().forEach(s -> sites.add(s.name()));
            if (!sites.contains(router.get()))
                e.error("router", "no site '" + router.get() + "'" + DidYouMean.hint(router.get(), sites)
                    + (sites.isEmpty() ? "; the topology has no routers" : "; sites: " + String.join(", ", sites)));
            else if (!onPaths.contains(router.get()))
                e.error("router", "'" + router.get() + "' is on no punching pair's path, so the event would disturb nothing"
                    + " (routers on a path: " + String.join(", ", onPaths) + ")");
        }
        if (at.isPresent() && at.get().compareTo(hold) >= 0)
            e.error("at", "(" + Durations.format(at.get()) + ") is not within the hold (" + Durations.format(hold) + ")");
        action.ifPresent(a -> {
            if (a == EventAction.LINK_DOWN && duration.isEmpty()) e.error("do", "link-down needs for: (how long, e.g. for: 3s)");
            if (duration.isPresent() && a != EventAction.LINK_DOWN && a != EventAction.IDLE_EXPIRY)
                e.error("for", "only link-down (how long) and idle-expiry (the established timeout) take for:");
            if ((loss.isPresent() || latency.isPresent()) && a != EventAction.SET)
                e.error(loss.isPresent() ? "loss" : "latency", "only do: set takes loss: and latency:");
            if (a == EventAction.SET && loss.isEmpty() && latency.isEmpty())
                e.error("do", "set needs loss: (percent) and/or latency: (e.g. 100ms)");
            if (a == EventAction.IDLE_EXPIRY) {
                Duration timeout = duration.orElse(RouterEvent.DEFAULT_IDLE_TIMEOUT);
                if (timeout.toMillis() % 1000 != 0) e.error("for", "idle-expiry's timeout is whole seconds (conntrack counts seconds)");
                if (heartbeat.compareTo(timeout) <= 0)
                    e.error("do", "idle-expiry (" + Durations.format(timeout) + ") needs heartbeat: longer than it, or the "
                        + "heartbeats keep the entry alive and nothing ever idles (e.g. heartbeat: " + Durations.format(timeout.plusSeconds(1)) + ")");
            }
            if (a == EventAction.LINK_DOWN && at.isPresent() && duration.isPresent() && at.get().plus(duration.get()).compareTo(hold) > 0)
                e.error("for", "the link would still be down when the hold ends (at + for > hold " + Durations.format(hold) + ")");
        });
        if (e.problems().count() > before) return Optional.empty();
        return Optional.of(new RouterEvent(at.get(), router.get(), action.get(), duration.orElse(null), loss.orElse(null),
            latency.orElse(null), e.where()));
    }

    private static Optional<Duration> positive(MappingReader r, String key) {
        Optional<Duration> d = r.duration(key);
        if (d.isPresent() && d.get().isZero()) {
            r.error(key, "must be more than 0");
            return Optional.empty();
        }
        return d;
    }
}
