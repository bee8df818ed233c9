package io.natlab.punch.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle connections from chosen loopback source addresses (127.0.0.x), never sending a byte: what a lock-out
 * attacker does. Bounded: every socket is counted and closed by {@link #close}.
 */
final class Attackers implements AutoCloseable {
    private final InetSocketAddress server;
    private final List<Socket> held = new ArrayList<>();
    private final AtomicBoolean hammering = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();
    private Thread hammer;

    Attackers(InetSocketAddress server) {
        this.server = server;
    }

    static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, (byte) (last >> 16), (byte) (last >> 8), (byte) last});
    }

    /** Connections held open right now. */
    synchronized int held() {
        return held.size();
    }

    /** Opens one idle connection from 127.0.0.{@code source} (larger numbers spill into the next octets). */
    synchronized void open(int source) throws IOException {
        Socket s = new Socket();
        s.setSoLinger(true, 0);
        s.bind(new InetSocketAddress(loopback(source), 0));
        try {
            s.connect(server, 5000);
            held.add(s);
        } catch (IOException refusedAtOnce) {
            s.close(); // the server's reset can beat the handshake's end: still an attempt
        } finally {
            attempts.incrementAndGet();
        }
    }

    /** Keeps opening connections round-robin from {@code sources} in the background, at most {@code limit}. */
    void hammer(int[] sources, int limit) {
        hammering.set(true);
        hammer = new Thread(() -> {
            for (int i = 0; i < limit && hammering.get(); i++) {
                try {
                    open(sources[i % sources.length]);
                } catch (IOException e) {
                    return;
                }
            }
        }, "attacker");
        hammer.setDaemon(true);
        hammer.start();
    }

    @Override
    public void close() throws Exception {
        hammering.set(false);
        if (hammer != null) {
            hammer.join(10_000);
        }
        synchronized (this) {
            for (Socket s : held) {
                s.close();
            }
            held.clear();
        }
    }
}
