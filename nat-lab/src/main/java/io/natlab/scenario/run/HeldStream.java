package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import io.natlab.lab.Lab;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Punch;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.run.verdict.ClientRun;
import io.natlab.scenario.stream.ClientStream;
import io.natlab.scenario.stream.StreamExpectation;
import io.natlab.scenario.stream.StreamJudge;
import io.natlab.scenario.stream.StreamOracle;
import io.natlab.scenario.stream.StreamPlan;
import io.natlab.scenario.stream.StreamPrediction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A trial's held stream, as the hooks {@link TrialExecutor} calls: the hold options on the client command lines,
 * the stderr watcher that starts the {@link EventSchedule}, the extra exec time, and the stream judgement added to
 * the trial's result. A scenario that holds nothing gets a hook that changes nothing.
 */
final class HeldStream implements AutoCloseable {
    private final StreamPlan plan;
    private final StreamPrediction expected;
    private final EventSchedule schedule;

    private HeldStream(StreamPlan plan, StreamPrediction expected, EventSchedule schedule) {
        this.plan = plan;
        this.expected = expected;
        this.schedule = schedule;
    }

    static HeldStream of(Lab lab, Scenario scenario, PairPlan pair) {
        StreamPlan plan = scenario.stream();
        if (!plan.held()) return new HeldStream(plan, null, null);
        Set<String> path = StreamOracle.pathOf(scenario.topology(), pair.first(), pair.second());
        StreamExpectation declared = scenario.punches().stream()
            .filter(p -> Set.of(p.a(), p.b()).equals(Set.of(pair.first(), pair.second())))
            .map(Punch::stream).findFirst().orElse(StreamExpectation.AUTO);
        StreamPrediction expected = StreamOracle.resolve(declared, scenario.topology(), plan, pair.first(), pair.second());
        return new HeldStream(plan, expected, new EventSchedule(lab, plan.eventsOn(path)));
    }

    /** The client's command with the hold options: flags for punch-core, the contract's variables for others. */
    List<String> withHoldOptions(List<String> command, Implementation impl) {
        if (!plan.held()) return command;
        List<String> out = new ArrayList<>(command);
        if (impl.builtIn()) {
            out.addAll(List.of("--hold", ms(plan.hold()), "--heartbeat", ms(plan.heartbeat()), "--idle-timeout", ms(plan.idleTimeout())));
            if (plan.recover()) out.add("--recover");
        } else { // env NATLAB_...=... COMMAND: the variables go right after env
            List<String> vars = new ArrayList<>(List.of("NATLAB_HOLD_MS=" + plan.hold().toMillis(),
                "NATLAB_HEARTBEAT_MS=" + plan.heartbeat().toMillis(), "NATLAB_IDLE_TIMEOUT_MS=" + plan.idleTimeout().toMillis()));
            if (plan.recover()) vars.add("NATLAB_RECOVER=1");
            out.addAll(1, vars);
        }
        return List.copyOf(out);
    }

    /** Feeds on a client's live stderr (null when nothing is held: the plain exec). */
    Consumer<String> watcher() { return schedule == null ? null : schedule.lineWatcher(); }

    /** Exec time on top of the punch's: the hold, plus a recovery's re-punch. */
    Duration extraTime() {
        if (!plan.held()) return Duration.ZERO;
        return plan.hold().plus(plan.idleTimeout()).plus(plan.recover() ? Duration.ofSeconds(10) : Duration.ZERO);
    }

    /** The result with its stream judged (trials whose punch failed have no stream to judge). */
    TrialResult judge(TrialResult result, ClientRun first, ClientRun second) {
        if (schedule == null) return result;
        List<String> events = schedule.finish();
        if (result.outcome() != io.natlab.punch.Outcome.DIRECT) return result;
        return result.withStream(StreamJudge.judge(first.peer(), ClientStream.parse(stdout(first)), second.peer(),
            ClientStream.parse(stdout(second)), expected, events, plan.hold().toMillis()));
    }

    private static String stdout(ClientRun r) { return r.exec() == null ? null : r.exec().stdout(); }

    private static String ms(Duration d) { return d.toMillis() + "ms"; }

    @Override public void close() { if (schedule != null) schedule.close(); }
}
