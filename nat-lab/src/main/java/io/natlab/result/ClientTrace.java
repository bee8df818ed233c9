package io.natlab.result;

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
 * @param outcome       "direct" or "failed", as the client printed it (failed when it printed nothing)
 * @param method        connect / accept / private when direct, else null
 * @param attempts      outbound connects: the client's own count, or the {@code attempt} events when it printed none
 * @param elapsedMs     the client's time-to-punch (to the failure when failed), null without a start instruction
 * @param error         why it failed, null when direct
 * @param stoppedByRunner the runner stopped it (its peer had failed) instead of letting it run out its deadline
 * @param phases        its own phase times
 * @param events        its event log (stderr), at most {@value #MAX_EVENTS} lines: the first and last halves
 * @param eventsOmitted lines left out of {@code events} in the middle
 */
public record ClientTrace(String peer, String id, long timeoutMs, ClientStage stage, String outcome, String method,
                          int attempts, Double elapsedMs, String error, boolean stoppedByRunner, PhaseTimes phases,
                          List<String> events, int eventsOmitted) {
    public static final int MAX_EVENTS = 40;

    public ClientTrace { events = events == null ? List.of() : List.copyOf(events); }
}
