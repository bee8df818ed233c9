package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;

/**
 * The server's second port, for port prediction: it answers every connection with one
 * {@code REGISTERED {public}} frame naming the endpoint the connection came from, and closes it. A client
 * that connects here from its punch port, after registering on the main port, sees two mappings of its NAT
 * for two destinations: equal means endpoint-independent mapping, a small difference is the port delta of a
 * sequential symmetric NAT (the next flow will get the second port plus that delta).
 *
 * <p>It reads nothing, keeps no state and holds a connection only for one write into an empty socket buffer,
 * so one thread serves it and a flood cannot tie it up longer than the accepts take.
 */
final class PortProbe implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    private PortProbe(ServerSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "punch-port-probe-" + socket.getLocalPort());
        this.thread.setDaemon(true);
    }

    static PortProbe start(InetSocketAddress bind) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(bind, 256);
        } catch (IOException e) {
            socket.close();
            throw new IOException("port probe: cannot listen on " + bind + ": " + e.getMessage(), e);
        }
        PortProbe probe = new PortProbe(socket);
        probe.thread.start();
        return probe;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Endpoint seen = new Endpoint(client.getInetAddress(), client.getPort());
                client.getOutputStream().write(MessageCodec.encode(new Message.Registered(seen)));
            } catch (IOException e) {
                // A client that vanished, or the socket closed at shutdown: the loop condition decides.
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }
}
