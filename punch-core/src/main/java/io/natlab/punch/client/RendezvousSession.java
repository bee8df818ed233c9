package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Client side of the rendezvous protocol, over the socket bound to the shared local port. It stays open until
 * the punch finishes, which keeps our NAT mapping alive; a keep-alive thread PINGs meanwhile.
 */
final class RendezvousSession implements AutoCloseable {
    /** Well below the server's default 60 s idle timeout. */
    private static final int KEEPALIVE_MILLIS = 15_000;

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private volatile Thread keepAlive;
    /** Smallest round trip seen to the server (TCP handshake, REGISTER): scales the punch schedule. */
    private volatile long rttNanos;

    private RendezvousSession(Socket socket, long connectNanos) throws IOException {
        this.socket = socket;
        this.rttNanos = connectNanos;
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static RendezvousSession connect(InetSocketAddress local, InetSocketAddress server, Deadline deadline)
            throws PunchFailure {
        InetSocketAddress target = server;
        if (target.isUnresolved()) {
            try {
                target = new InetSocketAddress(java.net.InetAddress.getByName(server.getHostString()), server.getPort());
            } catch (UnknownHostException e) {
                throw new PunchFailure("rendezvous: cannot resolve server host '" + server.getHostString() + "'");
            }
        }
        Socket socket;
        try {
            socket = ReusableSockets.boundSocket(local);
        } catch (IOException e) {
            throw new PunchFailure("cannot bind local " + local + ": " + e.getMessage(), e);
        }
        try {
            long t0 = System.nanoTime();
            socket.connect(target, deadline.remainingMillis(Integer.MAX_VALUE));
            long connectNanos = System.nanoTime() - t0;
            socket.setTcpNoDelay(true);
            return new RendezvousSession(socket, connectNanos);
        } catch (IOException e) {
            ReusableSockets.closeAbortively(socket);
            throw new PunchFailure("rendezvous: cannot connect to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The local endpoint as bound and connected (the actual interface address when bound to the wildcard). */
    Endpoint localEndpoint() {
        return new Endpoint(socket.getLocalAddress(), socket.getLocalPort());
    }

    InetAddress serverAddress() {
        return socket.getInetAddress();
    }

    long rttNanos() {
        return rttNanos;
    }

    InetSocketAddress localSocketAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    Message.Registered register(String id, String token, Endpoint privateEndpoint, Deadline deadline)
            throws PunchFailure {
        long t0 = System.nanoTime();
        send(new Message.Register(id, token, privateEndpoint));
        Message reply = next(deadline, "registration");
        rttNanos = Math.min(rttNanos, System.nanoTime() - t0);
        if (reply instanceof Message.Registered registered) {
            return registered;
        }
        throw unexpected(reply, "REGISTERED");
    }

    /**
     * Asks for {@code peer} (passing our predicted next mapping, or null) and waits for the start instruction,
     * PINGing while the peer is absent.
     */
    Message.Start awaitStart(String peer, Endpoint predicted, Deadline deadline) throws PunchFailure {
        send(new Message.Connect(peer, predicted));
        while (true) {
            Message message = next(deadline, "peer '" + peer + "' to show up");
            if (message instanceof Message.Start start) {
                if (!start.peer().id().equals(peer)) {
                    throw new PunchFailure("rendezvous: START names peer '" + start.peer().id() + "', expected '"
                            + peer + "'");
                }
                return start;
            }
            if (!(message instanceof Message.Pong)) {
                throw unexpected(message, "START");
            }
        }
    }

    /** Keeps the connection (and our NAT mapping) alive while punching; ignores what the server sends. */
    void startKeepAlive() {
        Thread t = new Thread(() -> {
            try {
                socket.setSoTimeout(KEEPALIVE_MILLIS);
                long seq = 1;
                while (!socket.isClosed()) {
                    try {
                        reader.read();
                    } catch (SocketTimeoutException e) {
                        send(new Message.Ping(seq++));
                    }
                }
            } catch (IOException | ProtocolException | PunchFailure e) {
                // Closed by us at the end of the run, or by the server; the punch does not depend on it.
            }
        }, "punch-keepalive");
        t.setDaemon(true);
        keepAlive = t;
        t.start();
    }

    private Message next(Deadline deadline, String waitingFor) throws PunchFailure {
        long seq = 1;
        while (true) {
            if (deadline.passed()) {
                throw new PunchFailure("timeout: the " + deadline.total().toMillis() + " ms deadline passed while waiting for "
                        + waitingFor);
            }
            try {
                socket.setSoTimeout(deadline.remainingMillis(KEEPALIVE_MILLIS));
                Message message = reader.read();
                if (message instanceof Message.Error error) {
                    throw new PunchFailure("rendezvous: " + error.code() + ": " + error.message());
                }
                return message;
            } catch (SocketTimeoutException e) {
                if (!deadline.passed()) {
                    send(new Message.Ping(seq++));
                }
            } catch (EOFException e) {
                throw new PunchFailure("rendezvous: server closed the connection while waiting for " + waitingFor);
            } catch (IOException e) {
                throw new PunchFailure("rendezvous: " + e.getMessage() + " while waiting for " + waitingFor, e);
            } catch (ProtocolException e) {
                throw new PunchFailure("rendezvous: bad frame from server: " + e.getMessage(), e);
            }
        }
    }

    private synchronized void send(Message message) throws PunchFailure {
        try {
            out.write(MessageCodec.encode(message));
            out.flush();
        } catch (IOException e) {
            throw new PunchFailure("rendezvous: cannot send " + message.type() + ": " + e.getMessage(), e);
        }
    }

    private static PunchFailure unexpected(Message message, String expected) {
        return new PunchFailure("rendezvous: expected " + expected + ", got " + message.type());
    }

    @Override
    public void close() {
        ReusableSockets.closeAbortively(socket);
        Thread t = keepAlive;
        if (t != null) {
            t.interrupt();
        }
    }
}
