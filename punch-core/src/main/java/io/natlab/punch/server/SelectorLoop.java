package io.natlab.punch.server;

import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server thread: one selector serves every connection (no thread per client). Each turn hands the ready
 * keys to the {@link Acceptor}, {@link ConnectionOutput} and {@link FrameReader}, closes connections that have
 * outstayed a time limit ({@link ConnectionExpiry}) and publishes the counts. When stopped it tells every client
 * and closes everything.
 */
final class SelectorLoop implements Runnable {
    /** How long one select waits at most, and how often the time limits are checked. */
    private static final long TICK_MILLIS = 100;

    private final ServerConfig config;
    private final ServerListener listener;
    private final Selector selector;
    private final ServerSocketChannel serverChannel;
    private final PortProbe probe;
    private final PairingTable<ClientConnection> table = new PairingTable<>();
    private final Doorkeeper doorkeeper;
    private final ServerCounts counts;
    private final OpenConnections connections;
    private final ConnectionOutput output;
    private final FrameReader reader;
    private final Acceptor acceptor;
    private final DelayedStarts delayedStarts = new DelayedStarts();
    private final CountDownLatch stopped;
    private volatile boolean running = true;

    /** {@code probe} may be null; it is closed when the loop stops, {@code stopped} counted down after that. */
    SelectorLoop(ServerConfig config, ServerListener listener, Selector selector, ServerSocketChannel serverChannel,
                 PortProbe probe, ServerCounts counts, CountDownLatch stopped, java.nio.file.Path startDelaysFile) {
        this.config = config;
        this.listener = listener;
        this.doorkeeper = new Doorkeeper(config);
        this.selector = selector;
        this.serverChannel = serverChannel;
        this.probe = probe;
        this.counts = counts;
        this.stopped = stopped;
        this.connections = new OpenConnections(table, doorkeeper, counts, listener);
        this.output = new ConnectionOutput(config, listener, doorkeeper, connections);
        int probePort = probe == null ? 0 : probe.port();
        MessageHandler handler = new MessageHandler(config, probePort, table, doorkeeper, listener, counts, output,
                startDelaysFile, delayedStarts);
        this.reader = new FrameReader(handler, output, connections);
        this.acceptor = new Acceptor(serverChannel, selector, doorkeeper, connections, listener);
    }

    /** Makes the loop end after its current turn; {@link #wakeup} ends a select that is waiting. */
    void requestStop() {
        running = false;
    }

    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void run() {
        long lastSweep = System.nanoTime();
        try {
            while (running) {
                selector.select(delayedStarts.millisUntilNext(System.nanoTime(), TICK_MILLIS));
                long now = System.nanoTime();
                delayedStarts.release(now, output);
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key, now);
                }
                selector.selectedKeys().clear();
                if (now - lastSweep >= TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
                    sweep(now);
                    lastSweep = now;
                }
                counts.publish(connections.size(), table.size(), doorkeeper.unregistered());
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
                acceptor.acceptAll(now);
                return;
            }
            ClientConnection c = (ClientConnection) attachment;
            if (key.isWritable()) {
                output.flush(c, now);
            }
            if (key.isValid() && key.isReadable()) {
                reader.onReadable(c, now);
            }
        } catch (IOException e) {
            if (attachment instanceof ClientConnection c) {
                connections.closeNow(c, RendezvousServer.endReason(e), false);
            }
        } catch (RuntimeException e) {
            // A bug must not stop the server for everyone else: drop the one connection and report.
            listener.fault("handling " + attachment, e);
            if (attachment instanceof ClientConnection c) {
                connections.closeNow(c, "internal error", true);
            }
        }
    }

    /** Ends the connections that have outstayed a time limit (collected first: closing changes the set). */
    private void sweep(long now) {
        List<ClientConnection> expired = new ArrayList<>();
        for (ClientConnection c : connections.all()) {
            if (ConnectionExpiry.check(c, now, config) != null) {
                expired.add(c);
            }
        }
        for (ClientConnection c : expired) {
            ConnectionExpiry.Expired e = ConnectionExpiry.check(c, now, config);
            if (e.closeAtOnce()) {
                connections.closeNow(c, e.reason(), true);
            } else {
                output.fail(c, e.code(), e.reason(), now);
            }
        }
    }

    /** Tells every open client SHUTDOWN (best effort, no waiting), then closes all sockets. */
    private void shutdown() {
        if (probe != null) {
            probe.close();
        }
        for (ClientConnection c : connections.snapshot()) {
            if (c.state == ClientConnection.State.OPEN) {
                try {
                    c.enqueue(MessageCodec.encode(new Message.Error(ErrorCode.SHUTDOWN, "server is shutting down")));
                    c.flush();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
            connections.closeNow(c, "server shutdown", true);
        }
        try {
            serverChannel.close();
            selector.close();
        } catch (IOException ignored) {
            // Process is stopping the server; nothing to report.
        }
        counts.reset();
    }
}
