package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Takes new connections off the listening socket. The {@link Doorkeeper} decides about each: refused ones get a
 * best-effort ERROR and are closed without keeping any state; admitted ones are registered with the selector,
 * after closing the unregistered connection they displace, if any.
 */
final class Acceptor {
    /** Accepts per selector wake-up, so a connection flood cannot starve the clients already connected. */
    private static final int MAX_ACCEPTS_PER_TURN = 256;

    private final ServerSocketChannel serverChannel;
    private final Selector selector;
    private final Doorkeeper doorkeeper;
    private final OpenConnections connections;
    private final ServerListener listener;

    Acceptor(ServerSocketChannel serverChannel, Selector selector, Doorkeeper doorkeeper, OpenConnections connections,
             ServerListener listener) {
        this.serverChannel = serverChannel;
        this.selector = selector;
        this.doorkeeper = doorkeeper;
        this.connections = connections;
        this.listener = listener;
    }

    void acceptAll(long now) throws IOException {
        for (int i = 0; i < MAX_ACCEPTS_PER_TURN; i++) {
            SocketChannel channel = serverChannel.accept();
            if (channel == null) {
                return;
            }
            Endpoint remote = Endpoint.of((InetSocketAddress) channel.getRemoteAddress());
            Doorkeeper.Decision decision = doorkeeper.decide(remote.address(), now);
            if (decision instanceof Doorkeeper.TurnAway away) {
                refuse(channel, remote, away.code(), away.message());
                continue;
            }
            if (((Doorkeeper.Enter) decision).displaced() != null) {
                displace(((Doorkeeper.Enter) decision).displaced());
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            ClientConnection c = new ClientConnection(channel, key, remote, now);
            key.attach(c);
            connections.add(c, remote.address());
        }
    }

    /** Refused at the door (full, or a throttled source): best-effort ERROR, then close; no state is kept. */
    private void refuse(SocketChannel channel, Endpoint remote, ErrorCode code, String message) {
        try (channel) {
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(MessageCodec.encode(new Message.Error(code, message))));
        } catch (IOException ignored) {
            // The client learns from the close.
        }
        listener.rejected(remote, null, code, message);
    }

    /** The unregistered budget is full: the oldest unregistered connection makes room for a newer one. */
    private void displace(ClientConnection c) {
        String message = Doorkeeper.DISPLACED;
        if (c.state == ClientConnection.State.OPEN) {
            try {
                c.channel.write(ByteBuffer.wrap(MessageCodec.encode(new Message.Error(ErrorCode.SERVER_FULL, message))));
            } catch (IOException ignored) {
                // Closing anyway.
            }
            listener.rejected(c.remote, null, ErrorCode.SERVER_FULL, message);
        }
        connections.closeNow(c, "displaced", true);
    }
}
