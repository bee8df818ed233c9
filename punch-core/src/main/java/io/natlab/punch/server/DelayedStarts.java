package io.natlab.punch.server;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * START frames held back by a {@link StartDelays} entry, released by the selector thread when due. Single-threaded
 * (the selector thread owns it). A connection that closed while its START waited gets nothing.
 */
final class DelayedStarts {
    private record Held(long dueAt, long seq, ClientConnection connection, byte[] frame) {}

    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.dueAt != b.dueAt
            ? Long.compare(a.dueAt, b.dueAt) : Long.compare(a.seq, b.seq));
    private long seq;

    void hold(ClientConnection c, byte[] frame, long dueAt) {
        queue.add(new Held(dueAt, seq++, c, frame));
    }

    /** Milliseconds until the next release (at least 1), or {@code ceiling} when none is waiting or it is later. */
    long millisUntilNext(long now, long ceiling) {
        Held next = queue.peek();
        if (next == null) {
            return ceiling;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(next.dueAt - now + 999_999);
        return Math.max(1, Math.min(ceiling, ms));
    }

    /** Queues every due frame on its connection and flushes it. */
    void release(long now, ConnectionOutput output) {
        while (!queue.isEmpty() && queue.peek().dueAt - now <= 0) {
            Held h = queue.poll();
            if (h.connection.state == ClientConnection.State.OPEN) {
                h.connection.enqueue(h.frame);
                output.flush(h.connection, now);
            }
        }
    }

    int size() {
        return queue.size();
    }
}
