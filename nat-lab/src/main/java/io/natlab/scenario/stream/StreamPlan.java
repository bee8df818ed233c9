package io.natlab.scenario.stream;

import java.time.Duration;
import java.util.List;

/**
 * How long a punched stream is held and what happens to it meanwhile (the scenario's {@code hold}, {@code heartbeat},
 * {@code idle-timeout}, {@code recover} and {@code events}).
 *
 * @param hold        how long both clients keep the stream after the punch (zero: not held)
 * @param heartbeat   interval between heartbeats
 * @param idleTimeout a side that hears nothing for this long calls the stream dead
 * @param recover     re-punch after a detected break
 * @param events      router events, ordered by time
 */
public record StreamPlan(Duration hold, Duration heartbeat, Duration idleTimeout, boolean recover, List<RouterEvent> events) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(200);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMillis(1000);
    public static final StreamPlan NONE = new StreamPlan(Duration.ZERO, DEFAULT_HEARTBEAT, DEFAULT_IDLE_TIMEOUT, false, List.of());

    public StreamPlan {
        events = events.stream().sorted(java.util.Comparator.comparing(RouterEvent::at)).toList();
    }

    public boolean held() { return !hold.isZero(); }

    /** The events that happen on routers of this pair's path (others are for other pairs). */
    public List<RouterEvent> eventsOn(java.util.Collection<String> routersOnPath) {
        return events.stream().filter(e -> routersOnPath.contains(e.router())).toList();
    }
}
