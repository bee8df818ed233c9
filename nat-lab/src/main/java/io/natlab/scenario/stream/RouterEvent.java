package io.natlab.scenario.stream;

import io.natlab.yaml.SourceRef;

import java.time.Duration;

/**
 * One event of a scenario's {@code events:} list.
 *
 * @param at          time after the punched stream came up
 * @param router      the site whose router it happens on
 * @param action      what happens
 * @param duration    link-down: how long the link is down; idle-expiry: the established timeout; else null
 * @param lossPercent set: the new loss on forwarded packets (percent), null to leave it
 * @param latency     set: the added one-way latency, null to leave it
 * @param where       where it was written
 */
public record RouterEvent(Duration at, String router, EventAction action, Duration duration, Double lossPercent,
                          Duration latency, SourceRef where) {
    /** The established timeout an idle-expiry event sets when it gives none. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(2);

    /** How long an idle-expiry event lets established entries live. */
    public Duration idleTimeout() { return duration != null ? duration : DEFAULT_IDLE_TIMEOUT; }

    /** {@code 2s home-a flush-conntrack}, for logs and reports. */
    public String describe() {
        StringBuilder b = new StringBuilder(io.natlab.yaml.Durations.format(at)).append(' ').append(router).append(' ')
            .append(action.yamlName());
        if (duration != null) b.append(" for ").append(io.natlab.yaml.Durations.format(duration));
        if (lossPercent != null) b.append(" loss ").append(lossPercent).append('%');
        if (latency != null) b.append(" latency ").append(io.natlab.yaml.Durations.format(latency));
        return b.toString();
    }
}
