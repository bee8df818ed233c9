package io.natlab.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How a trial's held stream fared through the scenario's events (both clients' {@code stream} reports combined).
 * Times are milliseconds after the stream came up; {@code null} when it did not happen.
 *
 * @param state         survived, broke or recovered (the worse side's: broke over recovered over survived)
 * @param expected      survives, breaks or recovers (resolved from auto)
 * @param expectedReason the stream rule that predicted it, or "declared in the scenario"
 * @param holds         the trial met the expectation, and nothing was lost silently, duplicated or corrupted
 * @param brokeAtMs     when the stream broke (the earlier side's view), null when it did not
 * @param detectedAtMs  when a side first noticed
 * @param detectedBy    how that side noticed: rst, timeout, eof, error or corrupt
 * @param firstToNotice the peer that noticed first
 * @param recoveryMs    how long recovery took (the slower side), null when not recovered
 * @param heldMs        how long the stream was held (the shorter side)
 * @param sent          heartbeats sent, both sides together
 * @param received      heartbeats received
 * @param verified      heartbeats received and verified
 * @param lost          sent but never received (across a break: counted, not silent)
 * @param duplicated    received twice
 * @param corrupted     received with wrong content
 * @param events        the events as they were applied: {@code +2003ms home-a flush-conntrack}, or why one failed
 * @param problem       why it does not hold, null when it holds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamResult(String state, String expected, String expectedReason, boolean holds, Double brokeAtMs,
                           Double detectedAtMs, String detectedBy, String firstToNotice, Double recoveryMs, Double heldMs,
                           long sent, long received, long verified, long lost, long duplicated, long corrupted,
                           List<String> events, String problem) {
    public StreamResult {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
