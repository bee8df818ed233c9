package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Port prediction for sequential symmetric NATs. After registering, the client connects from its punch port
 * to the server's probe port as well: the server reports the mapping it saw, so the client has two mappings
 * of the same local port for two destinations. Equal ports mean endpoint-independent mapping (nothing to
 * predict); a small difference is the NAT's port delta, and the next flow (ours, to the peer) should get the
 * second port plus that delta. The peer punches to that port instead of our registered one.
 *
 * <p>It holds only while no other flow crosses our NAT between the probe and our first SYN to the peer (the
 * counter is global), and only for sequential allocation: a random symmetric NAT gives a large difference,
 * which is not taken as a delta.
 */
final class PortPrediction {
    /** Largest port difference taken as a sequential delta. */
    static final int MAX_DELTA = 64;
    /**
     * The probe answers within a round trip to the server. Where its port is unreachable and silently dropped
     * (a server behind a router that forwards only the main port) the probe must not cost the punch much.
     */
    static int probeTimeoutMillis(long serverRttNanos) {
        return (int) Math.min(1000, Math.max(100, 8 * serverRttNanos / 1_000_000 + 50));
    }

    private PortPrediction() {
    }

    /** The predicted endpoint of our next flow from two observed mappings of one local port, or null. */
    static Endpoint predict(Endpoint registered, Endpoint probed) {
        if (registered == null || probed == null || !registered.address().equals(probed.address())) {
            return null;
        }
        int delta = probed.port() - registered.port();
        if (delta == 0 || Math.abs(delta) > MAX_DELTA) {
            return null;
        }
        int next = probed.port() + delta;
        return next < 1 || next > 65535 ? null : new Endpoint(probed.address(), next);
    }

    /**
     * Connects from {@code localBind} to the server's probe port and reads the mapping it saw; null when the
     * probe fails in any way (prediction is an optimisation, the punch goes on without it).
     */
    static Endpoint probe(InetSocketAddress localBind, InetAddress server, int probePort, long serverRttNanos,
                          Deadline deadline) {
        int timeout = probeTimeoutMillis(serverRttNanos);
        Socket socket = null;
        try {
            socket = ReusableSockets.boundSocket(localBind);
            socket.connect(new InetSocketAddress(server, probePort), deadline.remainingMillis(timeout));
            socket.setSoTimeout(deadline.remainingMillis(timeout));
            Message reply = new FrameReader(new BufferedInputStream(socket.getInputStream())).read();
            return reply instanceof Message.Registered r ? r.publicEndpoint() : null;
        } catch (IOException | ProtocolException e) {
            return null;
        } finally {
            ReusableSockets.closeAbortively(socket);
        }
    }
}
