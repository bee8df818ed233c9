package io.natlab.scenario.run;

import io.natlab.lab.Lab;
import io.natlab.lab.RouterHost;
import io.natlab.scenario.stream.EventAction;
import io.natlab.scenario.stream.EventStep;
import io.natlab.scenario.stream.RouterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs one trial's router events at their times after the punched stream came up. Whoever sees the stream come up
 * first (a client's live {@code stream-up} event line via {@link #lineWatcher}, or an agent's event stream) calls
 * {@link #streamUp}; later calls are ignored. {@link #finish} cancels what has not run yet and says what ran; the
 * lab's next reset undoes every event ({@link RouterHost#disturb}).
 */
final class EventSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventSchedule.class);
    /** {@code <instant> stream-up ...}: punch-core's event log line (PunchEvent format). */
    private static final Pattern STREAM_UP = Pattern.compile("^\\S+ stream-up( .*)?$");

    private final Lab lab;
    private final List<RouterEvent> events;
    private final ScheduledExecutorService timer;
    private final AtomicReference<Instant> upAt = new AtomicReference<>();
    private final List<String> applied = java.util.Collections.synchronizedList(new ArrayList<>());

    EventSchedule(Lab lab, List<RouterEvent> events) {
        this.lab = lab;
        this.events = List.copyOf(events);
        this.timer = events.isEmpty() ? null : Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "natlab-events");
            t.setDaemon(true);
            return t;
        });
    }

    /** Feeds on a client's stderr lines; calls {@link #streamUp} on its first {@code stream-up}. */
    Consumer<String> lineWatcher() {
        return line -> { if (STREAM_UP.matcher(line.strip()).matches()) streamUp(Instant.now()); };
    }

    /** The stream came up at {@code at}: the events are scheduled relative to it (first call only). */
    void streamUp(Instant at) {
        if (!upAt.compareAndSet(null, at) || timer == null) return;
        for (RouterEvent e : events) {
            long delay = Math.max(0, Duration.between(Instant.now(), at.plus(e.at())).toMillis());
            timer.schedule(() -> run(e), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** When the stream came up, or null when nobody said so. */
    Instant upAt() { return upAt.get(); }

    private void run(RouterEvent e) {
        String what = e.describe();
        try {
            RouterHost r = lab.router(e.router());
            String spare = e.action() == EventAction.CHANGE_PUBLIC_IP ? r.spareWanIp() : null;
            boolean netem = e.action() == EventAction.SET && e.latency() != null && r.netemAvailable();
            EventStep step = EventStep.of(e, r.context(), r.rules(), r.delayBackend(), netem, spare);
            r.disturb("event " + what, step.script(), step.newWanIp());
            note("+" + sinceUp() + "ms " + what);
            if (step.endScript() != null)
                timer.schedule(() -> end(r, what, step.endScript()), e.duration().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException ex) {
            log.warn("event {} failed: {}", what, ex.getMessage());
            note("+" + sinceUp() + "ms " + what + " FAILED: " + ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void end(RouterHost r, String what, String script) {
        try {
            r.disturb("end of event " + what, script, null);
            note("+" + sinceUp() + "ms " + what + " ended");
        } catch (RuntimeException ex) {
            note("+" + sinceUp() + "ms end of " + what + " FAILED: " + ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    private long sinceUp() { return Duration.between(upAt.get(), Instant.now()).toMillis(); }

    private void note(String s) { applied.add(s); }

    /** Cancels what has not run, waits briefly for what is running, and lists what ran (or that nothing could). */
    List<String> finish() {
        List<String> out;
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (applied) { out = new ArrayList<>(applied); }
        if (upAt.get() == null && !events.isEmpty()) out.add("no stream-up seen: no event ran");
        return out;
    }

    @Override public void close() { if (timer != null) timer.shutdownNow(); }
}
