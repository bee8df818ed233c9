package io.natlab.punch.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The rendezvous server: one selector thread serves every connection (no thread per client), so thousands
 * of clients fit on two cores. This class binds, starts and stops it; the thread is {@link SelectorLoop},
 * protocol handling is in {@link MessageHandler}, pairing state in {@link PairingTable}.
 * Every limit is bounded: connections, frame size, queued output, and the time a client may spend idle,
 * unregistered, mid-frame or not reading.
 */
public final class RendezvousServer implements AutoCloseable {
    private final ServerConfig config;
    private final ServerListener listener;
    private final ServerCounts counts = new ServerCounts();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SelectorLoop loop;
    private Thread thread;
    private volatile InetSocketAddress localAddress;
    private InetSocketAddress probeBind;
    private PortProbe probe;
    private java.nio.file.Path startDelaysFile;

    public RendezvousServer(ServerConfig config, ServerListener listener) {
        this.config = config;
        this.listener = listener == null ? ServerListener.NONE : listener;
    }

    /** Also serves the port probe (port prediction, see {@link PortProbe}) on {@code bind}; call before start. */
    public synchronized RendezvousServer withPortProbe(InetSocketAddress bind) {
        this.probeBind = bind;
        return this;
    }

    /**
     * Reads per-id START delays from {@code file} each time a pair forms ({@link StartDelays}: the lab's start
     * skew); call before start.
     */
    public synchronized RendezvousServer withStartDelays(java.nio.file.Path file) {
        this.startDelaysFile = file;
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
        Selector selector = Selector.open();
        ServerSocketChannel serverChannel = ServerSocketChannel.open();
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
        loop = new SelectorLoop(config, listener, selector, serverChannel, probe, counts, stopped, startDelaysFile);
        thread = new Thread(loop, "punch-rendezvous-" + localAddress.getPort());
        thread.start();
        listener.listening(localAddress);
        return this;
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Open connections, registered or not. */
    public int connectionCount() {
        return counts.connections();
    }

    public int registeredCount() {
        return counts.registered();
    }

    /** Open connections that have not registered (yet). */
    public int unregisteredCount() {
        return counts.unregistered();
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        Thread t;
        SelectorLoop l;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            l = loop;
            l.requestStop();
        }
        l.wakeup();
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Clients close abortively (SO_LINGER 0, so a rerun can reuse the 4-tuple): for them a reset is a normal end. */
    static String endReason(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Connection reset") ? "client closed" : "connection error: " + message;
    }
}
