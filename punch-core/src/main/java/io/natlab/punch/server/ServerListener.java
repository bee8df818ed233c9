package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.ErrorCode;
import java.net.InetSocketAddress;

/**
 * Server events, called on the server's selector thread: implementations must be quick and must not block.
 * {@code id} is null for connections that never registered.
 */
public interface ServerListener {
    ServerListener NONE = new ServerListener() {
    };

    default void listening(InetSocketAddress address) {
    }

    default void registered(String id, Endpoint publicEndpoint, Endpoint privateEndpoint) {
    }

    default void paired(String a, String b, String session) {
    }

    /** START for {@code id} is held back {@code delayMs} ms ({@link StartDelays}: the lab's start skew). */
    default void startDelayed(String id, long delayMs) {
    }

    /** The server sent an ERROR and is closing the connection. */
    default void rejected(Endpoint remote, String id, ErrorCode code, String message) {
    }

    default void disconnected(Endpoint remote, String id, String reason) {
    }

    /** An unexpected server-side fault; the server keeps running. */
    default void fault(String what, Throwable error) {
    }
}
