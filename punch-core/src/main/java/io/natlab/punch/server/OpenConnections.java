package io.natlab.punch.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's open client connections, and closing one: a closed connection must give up its id in the
 * {@link PairingTable} and its slot at the {@link Doorkeeper}, or both would fill up with the dead.
 * Touched only by the selector thread.
 */
final class OpenConnections {
    private final Set<ClientConnection> connections = new HashSet<>();
    private final PairingTable<ClientConnection> table;
    private final Doorkeeper doorkeeper;
    private final ServerCounts counts;
    private final ServerListener listener;

    OpenConnections(PairingTable<ClientConnection> table, Doorkeeper doorkeeper, ServerCounts counts,
                    ServerListener listener) {
        this.table = table;
        this.doorkeeper = doorkeeper;
        this.counts = counts;
        this.listener = listener;
    }

    /** {@code c} from {@code address} was let in by the doorkeeper. */
    void add(ClientConnection c, InetAddress address) {
        connections.add(c);
        doorkeeper.entered(c, address);
    }

    /** The open connections themselves (not a copy): do not close any while iterating. */
    Iterable<ClientConnection> all() {
        return connections;
    }

    /** A copy, for closing them all. */
    List<ClientConnection> snapshot() {
        return new ArrayList<>(connections);
    }

    int size() {
        return connections.size();
    }

    /** Frees {@code c}'s id, unless a newer registration of the same id has taken it over. */
    void unregister(ClientConnection c) {
        if (c.id != null && table.remove(c.id, c)) {
            counts.registered(table.size());
        }
    }

    /**
     * Closes at once. {@code abortive} resets the connection, so the server keeps no TIME_WAIT state for
     * clients it gives up on; after the client's own close a normal close is used.
     */
    void closeNow(ClientConnection c, String reason, boolean abortive) {
        if (c.state == ClientConnection.State.CLOSED) {
            return;
        }
        c.state = ClientConnection.State.CLOSED;
        unregister(c);
        connections.remove(c);
        doorkeeper.closed(c);
        c.key.cancel();
        try {
            if (abortive) {
                c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException ignored) {
            // Already broken; closing below is all that is left.
        }
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        listener.disconnected(c.remote, c.id, reason);
    }
}
