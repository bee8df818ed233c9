package io.natlab.punch;

/**
 * Receives {@link PunchEvent}s for tracing. Called from the client's worker threads, possibly concurrently:
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface PunchListener {
    PunchListener NONE = event -> {
    };

    void onEvent(PunchEvent event);
}
