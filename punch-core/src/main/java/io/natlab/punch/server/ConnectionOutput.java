package io.natlab.punch.server;

import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.IOException;
import java.nio.channels.SelectionKey;

/**
 * Output to clients: queues frames, writes what each socket takes, and keeps OP_WRITE selected while some is
 * left. A client that stops reading is closed once too much is queued for it, so it cannot make the server
 * hold its output forever. Also ends a connection with an ERROR ({@link #fail}).
 */
final class ConnectionOutput {
    private final ServerConfig config;
    private final ServerListener listener;
    private final Doorkeeper doorkeeper;
    private final OpenConnections connections;

    ConnectionOutput(ServerConfig config, ServerListener listener, Doorkeeper doorkeeper,
                     OpenConnections connections) {
        this.config = config;
        this.listener = listener;
        this.doorkeeper = doorkeeper;
        this.connections = connections;
    }

    void send(ClientConnection c, Message message, long now) {
        c.enqueue(MessageCodec.encode(message));
        flush(c, now);
    }

    /** Writes queued output; selects OP_WRITE while some is left. Closes clients that stop reading. */
    void flush(ClientConnection c, long now) {
        if (c.state == ClientConnection.State.CLOSED) {
            return;
        }
        try {
            if (c.flush()) {
                c.blockedSince = 0;
                if (c.state == ClientConnection.State.CLOSING) {
                    // ERROR is out: send FIN and keep reading until the client closes, so unread input
                    // cannot turn our close into a reset that destroys the ERROR before it is read.
                    c.channel.shutdownOutput();
                }
                c.key.interestOps(SelectionKey.OP_READ);
            } else {
                if (c.blockedSince == 0) {
                    c.blockedSince = now;
                }
                if (c.pendingBytes() > config.maxPendingOutput()) {
                    connections.closeNow(c, "slow reader: more than " + config.maxPendingOutput() + " bytes unsent",
                            true);
                    return;
                }
                c.key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            connections.closeNow(c, "write failed: " + e.getMessage(), false);
        }
    }

    /** Sends ERROR, frees the id at once, then closes once the client has read it (or the linger ends). */
    void fail(ClientConnection c, ErrorCode code, String message, long now) {
        if (c.state != ClientConnection.State.OPEN) {
            return;
        }
        listener.rejected(c.remote, c.id, code, message);
        doorkeeper.failed(c, code, now);
        connections.unregister(c);
        c.state = ClientConnection.State.CLOSING;
        c.closingSince = now;
        c.enqueue(MessageCodec.encode(new Message.Error(code, message)));
        flush(c, now);
    }
}
