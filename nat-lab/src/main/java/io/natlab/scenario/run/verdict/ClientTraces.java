package io.natlab.scenario.run.verdict;

import io.natlab.result.ClientStage;
import io.natlab.result.ClientTrace;
import io.natlab.result.PhaseTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a client process into its {@link ClientTrace}: stage, attempts and phase times from its event log, with
 * the client's JSON as a fallback when there is no log. Event times come from the container's clock, which is the
 * host's (containers share the kernel), so they compare with the runner's launch and end instants. Pure.
 */
final class ClientTraces {
    private ClientTraces() {}

    static ClientTrace of(ClientRun run) {
        ClientReport r = run.report();
        ClientEvents ev = run.events();
        ClientStage stage = run.launched() == null ? ClientStage.NOT_STARTED : max(ev.stage(), fromReport(r));
        List<String> lines = ev.lines();
        int omitted = Math.max(0, lines.size() - ClientTrace.MAX_EVENTS);
        List<String> kept = lines;
        if (omitted > 0) {
            int half = ClientTrace.MAX_EVENTS / 2;
            kept = new ArrayList<>(lines.subList(0, half));
            kept.addAll(lines.subList(lines.size() - half, lines.size()));
        }
        return new ClientTrace(run.peer(), run.id(), run.timeout() == null ? 0 : run.timeout().toMillis(), stage,
            r.outcomeKind(), r.methodKind(), Math.max(r.attempts(), ev.attempts()), r.elapsedMs(), r.error(), run.stopped(),
            phases(run.launched(), run.ended(), ev), kept, omitted, run.process());
    }

    /** The client's own phases; see {@link PhaseTimes} for where each starts and ends. */
    static PhaseTimes phases(Instant launched, Instant ended, ClientEvents ev) {
        Double registration = launched != null && ev.registered() != null ? ms(launched, ev.registered()) : null;
        Instant punchEnd = first(ev.established(), ev.failed(), ended);
        Double punch = ev.instructed() != null && punchEnd != null ? ms(ev.instructed(), punchEnd) : null;
        Instant streamEnd = first(ev.failed(), ended);
        Double stream = ev.established() != null && streamEnd != null ? ms(ev.established(), streamEnd) : null;
        return new PhaseTimes(registration, punch, stream);
    }

    /** What the JSON alone says: a direct client established; a start instruction gives it an elapsed time. */
    static ClientStage fromReport(ClientReport r) {
        if (r.direct()) return ClientStage.ESTABLISHED;
        return r.elapsedMs() != null ? ClientStage.INSTRUCTED : ClientStage.STARTED;
    }

    private static ClientStage max(ClientStage a, ClientStage b) { return a.compareTo(b) >= 0 ? a : b; }

    private static Instant first(Instant... candidates) {
        for (Instant i : candidates) if (i != null) return i;
        return null;
    }

    private static double ms(Instant from, Instant to) { return Duration.between(from, to).toNanos() / 1e6; }
}
