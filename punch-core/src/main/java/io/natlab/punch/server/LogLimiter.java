package io.natlab.punch.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Rate-limits repetitive log lines: per kind of event, the first {@code linesPerWindow} lines of each window are
 * printed, the rest only counted and summed up as "N similar events suppressed" once the window is over. Under
 * abuse the log grows by a bounded number of lines per window instead of one or two per attempt.
 * Thread-safe (the server thread logs, a timer flushes).
 */
public final class LogLimiter {
    private static final int MAX_KINDS = 64;

    private static final class Window {
        long start;
        int printed;
        long suppressed;
    }

    private final int linesPerWindow;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    public LogLimiter(int linesPerWindow, Duration window, LongSupplier nanoClock) {
        if (linesPerWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one line per positive window");
        }
        this.linesPerWindow = linesPerWindow;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /** The lines to print now for a {@code kind} event: due summaries first, then {@code line} unless suppressed. */
    public synchronized List<String> offer(String kind, String line) {
        long now = clock.getAsLong();
        List<String> out = new ArrayList<>(due(now));
        Window w = windows.get(kind);
        if (w == null) {
            if (windows.size() >= MAX_KINDS) {
                out.add(line); // kinds are a small fixed set; never let an unexpected one grow the map
                return out;
            }
            w = new Window();
            w.start = now;
            windows.put(kind, w);
        }
        if (w.printed < linesPerWindow) {
            w.printed++;
            out.add(line);
        } else {
            w.suppressed++;
        }
        return out;
    }

    /** Summaries of windows that have ended; call now and then so a quiet log still gets them. */
    public synchronized List<String> due() {
        return due(clock.getAsLong());
    }

    private List<String> due(long now) {
        List<String> out = List.of();
        for (var it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> e = it.next();
            Window w = e.getValue();
            if (now - w.start < windowNanos) {
                continue;
            }
            if (w.suppressed > 0) {
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.add(e.getKey() + ": " + w.suppressed + " similar events suppressed in the last "
                        + Duration.ofNanos(now - w.start).toSeconds() + " s");
            }
            it.remove();
        }
        return out;
    }
}
