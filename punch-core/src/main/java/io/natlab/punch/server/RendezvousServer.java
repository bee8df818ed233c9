package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.PeerInfo;
import io.natlab.punch.protocol.ProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The rendezvous server: one selector thread serves every connection (no thread per client), so thousands
 * of clients fit on two cores. Protocol handling is in {@link #handle}; pairing state in {@link PairingTable}.
 * Every limit is bounded: connections, frame size, queued output, and the time a client may spend idle,
 * unregistered, mid-frame or not reading.
 */
public final class RendezvousServer implements AutoCloseable {
    private static final long TICK_MILLIS = 100;

    private final ServerConfig config;
    private final ServerListener listener;
    private final PairingTable<ClientConnection> table = new PairingTable<>();
    private final Doorkeeper doorkeeper;
    private final Set<ClientConnection> connections = new HashSet<>();
    private final SecureRandom random = new SecureRandom();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] tokenBytes;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Selector selector;
    private ServerSocketChannel serverChannel;
    private Thread thread;
    private volatile boolean running;
    private volatile int connectionCount;
    private volatile int registeredCount;
    private volatile int unregisteredCount;
    private volatile InetSocketAddress localAddress;
    private InetSocketAddress probeBind;
    private PortProbe probe;

    public RendezvousServer(ServerConfig config, ServerListener listener) {
        this.config = config;
        this.listener = listener == null ? ServerListener.NONE : listener;
        this.tokenBytes = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
        this.doorkeeper = new Doorkeeper(config);
    }

    /** Also serves the port probe (port prediction, see {@link PortProbe}) on {@code bind}; call before start. */
    public synchronized RendezvousServer withPortProbe(InetSocketAddress bind) {
        this.probeBind = bind;
        return this;
    }

    /** The port probe's port, 0 when there is none. */
    public int probePort() {
        PortProbe p = probe;
        return p == null ? 0 : p.port();
    }

    /** Binds and starts serving on a background thread; returns once the port is open. */
    public synchronized RendezvousServer start() throws IOException {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        selector = Selector.open();
        serverChannel = ServerSocketChannel.open();
        serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        serverChannel.bind(config.bind(), 1024);
        serverChannel.configureBlocking(false);
        serverChannel.register(selector, SelectionKey.OP_ACCEPT);
        localAddress = (InetSocketAddress) serverChannel.getLocalAddress();
        if (probeBind != null) {
            try {
                probe = PortProbe.start(probeBind);
            } catch (IOException e) {
                serverChannel.close();
                selector.close();
                throw e;
            }
        }
        running = true;
        thread = new Thread(this::run, "punch-rendezvous-" + localAddress.getPort());
        thread.start();
        listener.listening(localAddress);
        return this;
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Open connections, registered or not. */
    public int connectionCount() {
        return connectionCount;
    }

    public int registeredCount() {
        return registeredCount;
    }

    /** Open connections that have not registered (yet). */
    public int unregisteredCount() {
        return unregisteredCount;
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            running = false;
        }
        selector.wakeup();
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long lastSweep = System.nanoTime();
        try {
            while (running) {
                selector.select(TICK_MILLIS);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key, now);
                }
                selector.selectedKeys().clear();
                if (now - lastSweep >= TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
                    sweep(now);
                    lastSweep = now;
                }
                connectionCount = connections.size();
                registeredCount = table.size();
                unregisteredCount = doorkeeper.unregistered();
            }
        } catch (IOException | RuntimeException e) {
            listener.fault("selector loop stopped", e);
        } finally {
            shutdown();
            stopped.countDown();
        }
    }

    private void dispatch(SelectionKey key, long now) {
        Object attachment = key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                acceptAll(now);
                return;
            }
            ClientConnection c = (ClientConnection) attachment;
            if (key.isWritable()) {
                onWritable(c, now);
            }
            if (key.isValid() && key.isReadable()) {
                onReadable(c, now);
            }
        } catch (IOException e) {
            if (attachment instanceof ClientConnection c) {
                closeNow(c, endReason(e), false);
            }
        } catch (RuntimeException e) {
            // A bug must not stop the server for everyone else: drop the one connection and report.
            listener.fault("handling " + attachment, e);
            if (attachment instanceof ClientConnection c) {
                closeNow(c, "internal error", true);
            }
        }
    }

    /** Clients close abortively (SO_LINGER 0, so a rerun can reuse the 4-tuple): for them a reset is a normal end. */
    static String endReason(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Connection reset") ? "client closed" : "connection error: " + message;
    }

    private void acceptAll(long now) throws IOException {
        for (int i = 0; i < 256; i++) {
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
            connections.add(c);
            doorkeeper.entered(c, remote.address());
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
        closeNow(c, "displaced", true);
    }

    private void onReadable(ClientConnection c, long now) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            closeNow(c, c.state == ClientConnection.State.CLOSING ? "closed after error" : "client closed", false);
            return;
        }
        if (c.state != ClientConnection.State.OPEN) {
            return; // draining after an ERROR: discard
        }
        readBuffer.flip();
        List<byte[]> frames;
        try {
            frames = c.decoder.feed(readBuffer);
        } catch (ProtocolException e) {
            fail(c, e.code(), e.getMessage(), now);
            return;
        }
        for (byte[] frame : frames) {
            if (c.state != ClientConnection.State.OPEN) {
                return;
            }
            c.lastFrameAt = now;
            try {
                handle(c, MessageCodec.decode(frame), now);
            } catch (ProtocolException e) {
                fail(c, e.code(), e.getMessage(), now);
            }
        }
        c.partialSince = c.decoder.hasPartialFrame() ? (c.partialSince == 0 ? now : c.partialSince) : 0;
    }

    private void handle(ClientConnection c, Message message, long now) throws ProtocolException, IOException {
        if (message instanceof Message.Register register) {
            onRegister(c, register, now);
        } else if (message instanceof Message.Connect connect) {
            onConnect(c, connect, now);
        } else if (message instanceof Message.Ping ping) {
            send(c, new Message.Pong(ping.seq()), now);
        } else {
            throw new ProtocolException(ErrorCode.UNEXPECTED, message.type() + " is not a client-to-server message");
        }
    }

    private void onRegister(ClientConnection c, Message.Register register, long now)
            throws ProtocolException, IOException {
        if (c.id != null) {
            throw new ProtocolException(ErrorCode.UNEXPECTED, "already registered as '" + c.id + "'");
        }
        if (tokenBytes != null && (register.token() == null
                || !MessageDigest.isEqual(tokenBytes, register.token().getBytes(StandardCharsets.UTF_8)))) {
            throw new ProtocolException(ErrorCode.BAD_TOKEN,
                    register.token() == null ? "this server requires a token" : "wrong token");
        }
        c.id = register.id();
        doorkeeper.registered(c);
        PeerInfo info = new PeerInfo(register.id(), c.remote, register.privateEndpoint());
        Optional<ClientConnection> replaced = table.register(c, info);
        listener.registered(c.id, c.remote, register.privateEndpoint());
        send(c, new Message.Registered(c.remote, probePort()), now);
        replaced.ifPresent(old -> fail(old, ErrorCode.DUPLICATE_ID,
                "id '" + c.id + "' was registered again from " + c.remote + "; the newest registration wins", now));
        registeredCount = table.size();
    }

    private void onConnect(ClientConnection c, Message.Connect connect, long now)
            throws ProtocolException, IOException {
        if (c.id == null) {
            throw new ProtocolException(ErrorCode.UNEXPECTED, "send REGISTER before CONNECT");
        }
        if (connect.peer().equals(c.id)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "CONNECT.peer: cannot connect to yourself");
        }
        c.predicted = connect.predicted();
        Optional<PairingTable.Pair<ClientConnection>> pair = table.request(c.id, connect.peer());
        if (pair.isEmpty()) {
            return;
        }
        PairingTable.Pair<ClientConnection> p = pair.get();
        String session = HexFormat.of().formatHex(randomBytes(16));
        // Queue both instructions first, then flush both: the two sides get START in the same instant.
        PeerInfo first = p.firstInfo().withPredicted(p.first().predicted);
        PeerInfo second = p.secondInfo().withPredicted(p.second().predicted);
        p.first().enqueue(MessageCodec.encode(new Message.Start(session, first, second)));
        p.second().enqueue(MessageCodec.encode(new Message.Start(session, second, first)));
        flush(p.first(), now);
        flush(p.second(), now);
        listener.paired(p.firstInfo().id(), p.secondInfo().id(), session);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private void send(ClientConnection c, Message message, long now) {
        c.enqueue(MessageCodec.encode(message));
        flush(c, now);
    }

    /** Writes queued output; selects OP_WRITE while some is left. Closes clients that stop reading. */
    private void flush(ClientConnection c, long now) {
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
                    closeNow(c, "slow reader: more than " + config.maxPendingOutput() + " bytes unsent", true);
                    return;
                }
                c.key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            closeNow(c, "write failed: " + e.getMessage(), false);
        }
    }

    private void onWritable(ClientConnection c, long now) {
        flush(c, now);
    }

    /** Sends ERROR, frees the id at once, then closes once the client has read it (or the linger ends). */
    private void fail(ClientConnection c, ErrorCode code, String message, long now) {
        if (c.state != ClientConnection.State.OPEN) {
            return;
        }
        listener.rejected(c.remote, c.id, code, message);
        doorkeeper.failed(c, code, now);
        unregister(c);
        c.state = ClientConnection.State.CLOSING;
        c.closingSince = now;
        c.enqueue(MessageCodec.encode(new Message.Error(code, message)));
        flush(c, now);
    }

    private void unregister(ClientConnection c) {
        if (c.id != null && table.remove(c.id, c)) {
            registeredCount = table.size();
        }
    }

    private void sweep(long now) {
        List<ClientConnection> expired = new ArrayList<>();
        for (ClientConnection c : connections) {
            if (ConnectionExpiry.check(c, now, config) != null) {
                expired.add(c);
            }
        }
        for (ClientConnection c : expired) {
            ConnectionExpiry.Expired e = ConnectionExpiry.check(c, now, config);
            if (e.closeAtOnce()) {
                closeNow(c, e.reason(), true);
            } else {
                fail(c, e.code(), e.reason(), now);
            }
        }
    }

    /**
     * Closes at once. {@code abortive} resets the connection, so the server keeps no TIME_WAIT state for
     * clients it gives up on; after the client's own close a normal close is used.
     */
    private void closeNow(ClientConnection c, String reason, boolean abortive) {
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

    private void shutdown() {
        if (probe != null) {
            probe.close();
        }
        for (ClientConnection c : new ArrayList<>(connections)) {
            if (c.state == ClientConnection.State.OPEN) {
                try {
                    c.enqueue(MessageCodec.encode(new Message.Error(ErrorCode.SHUTDOWN, "server is shutting down")));
                    c.flush();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
            closeNow(c, "server shutdown", true);
        }
        try {
            serverChannel.close();
            selector.close();
        } catch (IOException ignored) {
            // Process is stopping the server; nothing to report.
        }
        connectionCount = 0;
        registeredCount = 0;
        unregisteredCount = 0;
    }
}
