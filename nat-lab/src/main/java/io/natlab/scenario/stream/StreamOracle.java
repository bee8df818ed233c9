package io.natlab.scenario.stream;

import io.natlab.topology.Site;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.natlab.scenario.stream.StreamExpectation.BREAKS;
import static io.natlab.scenario.stream.StreamExpectation.SURVIVES;

/**
 * Predicts what a held stream does through a pair's events, from each event and the behaviour of the router it
 * happens on. Pure: the table below is the whole theory, first matching row wins per event; the stream breaks when
 * any event of the pair breaks it (recovers, when the scenario recovers), else it survives.
 */
public final class StreamOracle {
    private StreamOracle() {}

    public static final List<StreamRule> RULES = List.of(
        new StreamRule("new-public-address",
            "change-public-ip on a router of the path",
            BREAKS,
            "the far side keeps sending to the old address, which is gone, and the near side's packets now leave from "
                + "an address the far NAT never saw, which it filters",
            "stream-change-public-ip, 2 trials each: port-restricted cone 2/2 broke (both sides noticed by timeout, 1.0 s after the break); symmetric 2/2 broke (the symmetric side noticed first by rst, 0.2-0.4 s after). stream-recover: 2/2 recovered 49-90 ms after detection",
            c -> c.action() == EventAction.CHANGE_PUBLIC_IP),
        new StreamRule("link-down-outlasts-idle-timeout",
            "link-down for at least half the idle timeout",
            BREAKS,
            "no heartbeat crosses while the link is down, and TCP's retransmission timer doubles meanwhile (200 ms, "
                + "400 ms, 800 ms, ...), so the first retransmission after the link returns comes up to about as late "
                + "again: a side hears nothing for up to twice the outage and calls the stream dead (timeout); the "
                + "NAT's entries themselves survive",
            "stream-link-down: symmetric, 4 s down, idle timeout 3 s: 2/2 broke, noticed by timeout 3.0 s after the link went down",
            c -> c.action() == EventAction.LINK_DOWN
                && c.event().duration().multipliedBy(2).compareTo(c.idleTimeout()) >= 0),
        new StreamRule("short-link-down",
            "link-down shorter than half the idle timeout",
            SURVIVES,
            "conntrack keeps the entries while packets are dropped, and TCP retransmits what was lost once the link "
                + "returns, within the idle timeout",
            "stream-link-down: port-restricted cone, 600 ms down, idle timeout 3 s: 2/2 survived, 60/60 heartbeats verified",
            c -> c.action() == EventAction.LINK_DOWN),
        new StreamRule("forgotten-mapping-new-port",
            "flush-conntrack, reboot or idle-expiry on an address-and-port-dependent (symmetric) NAT",
            BREAKS,
            "the next packet from inside creates a new mapping with a new (random or next sequential) port, which the "
                + "far NAT filters; the far side's packets to the old port match nothing",
            "symmetric: stream-flush-conntrack 2/2, stream-reboot 2/2, stream-idle-expiry 2/2 broke, the symmetric side noticed first by rst (its new port drew the far host's RST) 0.2-0.4 s after the event or at the next heartbeat; stream-recover: recovered in 0.92-0.96 s",
            c -> c.forgets() && !c.keepsPort()),
        new StreamRule("forgotten-mapping-rst-race",
            "flush-conntrack, reboot or idle-expiry on an endpoint-independent NAT that answers unsolicited packets "
                + "with RST",
            BREAKS,
            "the first packet to reach the router afterwards decides: one from the far side matches no mapping and "
                + "draws the router's RST, which kills the far side's socket; only when the inside side sends first "
                + "is the mapping re-created in time (a race, predicted as a break)",
            "",
            c -> c.forgets() && c.unsolicited() == io.natlab.topology.UnsolicitedPolicy.RST),
        new StreamRule("forgotten-mapping-same-port",
            "flush-conntrack, reboot or idle-expiry on an endpoint-independent, port-preserving NAT",
            SURVIVES,
            "Linux conntrack picks up mid-stream packets (nf_conntrack_tcp_loose=1), and MASQUERADE gives the "
                + "re-created mapping the same free port, so the far side sees the same endpoint",
            "port-restricted cone: stream-flush-conntrack 2/2, stream-reboot 2/2 (40/40 heartbeats each), stream-idle-expiry 2/2 survived (1 s entries, 1.5 s heartbeats, 8/8). Holds only on routers that drop unsolicited mid-stream packets: the lab's routers used to let them reach their own TCP stack, which answered the far side's first packet after a flush with a RST (seen on the symmetric router: the far side noticed first, by rst)",
            StreamCase::forgets),
        new StreamRule("degraded-link",
            "set: loss below 100 % and a round trip (2 x latency) shorter than the idle timeout",
            SURVIVES,
            "TCP retransmits what is lost; heartbeats still arrive within the idle timeout",
            "stream-set-loss-latency (20 % loss, 100 ms, idle timeout 3 s): 4/4 held with every heartbeat verified; in 1 of them one side got a RST while closing after the hold (lost close handshake), which the judge does not count as a break",
            c -> c.action() == EventAction.SET
                && (c.event().lossPercent() == null || c.event().lossPercent() < 100)
                && (c.event().latency() == null || c.event().latency().multipliedBy(2).compareTo(c.idleTimeout()) < 0)),
        new StreamRule("dead-link",
            "set: 100 % loss, or a round trip at least the idle timeout",
            BREAKS,
            "no heartbeat arrives within the idle timeout",
            "",
            c -> c.action() == EventAction.SET));

    /** The rule that decides one event. */
    public static StreamRule rule(StreamCase c) {
        return RULES.stream().filter(r -> r.matches().test(c)).findFirst()
            .orElseThrow(() -> new IllegalStateException("stream table has no row for " + c));
    }

    /** What the pair's stream is predicted to do through the events on its routers. */
    public static StreamPrediction predict(Topology topology, StreamPlan plan, String first, String second) {
        Set<String> path = pathOf(topology, first, second);
        List<String> reasons = new ArrayList<>();
        StreamRule breaking = null;
        for (RouterEvent e : plan.eventsOn(path)) {
            Site site = topology.site(e.router()).orElseThrow();
            StreamRule r = rule(new StreamCase(e, site.nat(), site.router().unsolicited(), plan.heartbeat(), plan.idleTimeout()));
            reasons.add(e.describe() + ": " + r.id());
            if (r.outcome() == BREAKS && breaking == null) breaking = r;
        }
        if (reasons.isEmpty()) return new StreamPrediction(SURVIVES, "no-events", "no event on this pair's routers");
        StreamExpectation outcome = breaking == null ? SURVIVES : plan.recover() ? StreamExpectation.RECOVERS : BREAKS;
        return new StreamPrediction(outcome, breaking != null ? breaking.id() : rule0(reasons), String.join("; ", reasons));
    }

    /** Resolves a declared expectation: auto asks the table, the others are taken as written. */
    public static StreamPrediction resolve(StreamExpectation declared, Topology topology, StreamPlan plan, String first,
                                           String second) {
        if (declared == StreamExpectation.AUTO) return predict(topology, plan, first, second);
        return new StreamPrediction(declared, "declared", "declared in the scenario");
    }

    /** Sites on either peer's path. */
    public static Set<String> pathOf(Topology topology, String first, String second) {
        Set<String> path = new java.util.LinkedHashSet<>();
        for (String p : List.of(first, second)) topology.natPath(p).stream().map(Site::name).forEach(path::add);
        return path;
    }

    private static String rule0(List<String> reasons) {
        String first = reasons.get(0);
        return first.substring(first.lastIndexOf(": ") + 2);
    }

    /** The table as Markdown, for the README. */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder()
            .append("| # | rule id | when | predicts | why | lab evidence |\n")
            .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < RULES.size(); i++) {
            StreamRule r = RULES.get(i);
            md.append("| ").append(i + 1).append(" | `").append(r.id()).append("` | ").append(cell(r.when()))
                .append(" | ").append(r.outcome().yamlName()).append(" | ").append(cell(r.why()))
                .append(" | ").append(cell(r.evidence())).append(" |\n");
        }
        md.append("\nFirst matching row wins per event; a pair's stream breaks when any event on its routers breaks it "
            + "(recovers, with recover: true), else it survives.\n");
        return md.toString();
    }

    /** Prints the table (for the README). */
    public static void main(String[] args) { System.out.print(markdownTable()); }

    private static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }
}
