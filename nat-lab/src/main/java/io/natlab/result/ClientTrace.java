package io.natlab.result;

import io.natlab.punch.Method;
import io.natlab.punch.Outcome;

import java.util.List;

/**
 * One punch client in one trial: what it reported and what its event log shows, kept for both clients of every
 * trial (a client the runner stopped prints no JSON, so its attempts are counted from its log).
 *
 * @param peer          the peer it ran on
 * @param id            its rendezvous id
 * @param timeoutMs     the {@code --timeout} it was given: the first client gets the scenario's timeout plus an
 *                      allowance for the second one's start (see docs/results-json.md)
 * @param stage         the furthest it got
 * @param outcome       punch-core's outcome as the client printed it (failed when it printed nothing); JSON by wire name
 * @param method        punch-core's method when direct, else null; JSON by wire name (connect / accept / private)
 * @param attempts      outbound connects: the client's own count, or the {@code attempt} events when it printed none
 * @param elapsedMs     the client's time-to-punch (to the failure when failed), null without a start instruction
 * @param error         why it failed, null when direct
 * @param stoppedByRunner the runner stopped it (its peer had failed) instead of letting it run out its deadline
 * @param phases        its own phase times
 * @param events        its event log (stderr), at most {@value #MAX_EVENTS} lines: the first and last halves
 * @param eventsOmitted lines left out of {@code events} in the middle
 * @param process       "warm" (a trial on the peer's long-lived agent) or "fresh" (a process of its own); null when
 *                      it never started, or in results written before it was recorded
 */
public record ClientTrace(String peer, String id, long timeoutMs, ClientStage stage, Outcome outcome, Method method,
                          int attempts, Double elapsedMs, String error, boolean stoppedByRunner, PhaseTimes phases,
                          List<String> events, int eventsOmitted, String process) {
    public static final int MAX_EVENTS = 40;

    @com.fasterxml.jackson.annotation.JsonCreator
    public ClientTrace { events = events == null ? List.of() : List.copyOf(events); }

    /** Without how it ran (hand-written results, tests). */
    public ClientTrace(String peer, String id, long timeoutMs, ClientStage stage, Outcome outcome, Method method,
                       int attempts, Double elapsedMs, String error, boolean stoppedByRunner, PhaseTimes phases,
                       List<String> events, int eventsOmitted) {
        this(peer, id, timeoutMs, stage, outcome, method, attempts, elapsedMs, error, stoppedByRunner, phases, events,
            eventsOmitted, null);
    }
}
