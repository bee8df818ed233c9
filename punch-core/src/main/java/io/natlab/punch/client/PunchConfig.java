package io.natlab.punch.client;

import io.natlab.punch.Strategy;
import io.natlab.punch.protocol.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link PunchClient} does.
 *
 * @param server       rendezvous server (a host name is resolved when connecting)
 * @param id           our id
 * @param peer         the id we want a stream with
 * @param token        shared token, or null
 * @param localAddress address to bind, or null for the wildcard address
 * @param localPort    port to bind and share, 0 for one picked by the OS
 * @param timeout      deadline for the whole run: register, wait for the peer, punch, verify
 * @param strategy     listen-connect or connect-only
 * @param echoBytes    bytes to send to the peer for verification after the punch (0: none)
 * @param backoff      delays between failed connects (see {@link Backoff})
 * @param hold         whether to hold the stream after the check, with heartbeats (see {@link HoldConfig})
 */
public record PunchConfig(InetSocketAddress server, String id, String peer, String token, InetAddress localAddress,
                          int localPort, Duration timeout, Strategy strategy, long echoBytes, Backoff backoff,
                          HoldConfig hold) {

    /** Largest --echo accepted, so a typo cannot make a run take hours. */
    public static final long MAX_ECHO_BYTES = 1L << 30;

    public PunchConfig {
        Objects.requireNonNull(server, "server");
        Protocol.requireValidId(id, "id");
        Protocol.requireValidId(peer, "peer");
        if (id.equals(peer)) {
            throw new IllegalArgumentException("id and peer must differ");
        }
        if (token != null && token.length() > Protocol.MAX_TOKEN_CHARS) {
            throw new IllegalArgumentException("token longer than " + Protocol.MAX_TOKEN_CHARS + " characters");
        }
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("local port must be 0..65535");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        Objects.requireNonNull(strategy, "strategy");
        if (echoBytes < 0 || echoBytes > MAX_ECHO_BYTES) {
            throw new IllegalArgumentException("echo bytes must be 0.." + MAX_ECHO_BYTES);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(hold, "hold");
    }

    /** A configuration without a hold. */
    public PunchConfig(InetSocketAddress server, String id, String peer, String token, InetAddress localAddress,
                       int localPort, Duration timeout, Strategy strategy, long echoBytes, Backoff backoff) {
        this(server, id, peer, token, localAddress, localPort, timeout, strategy, echoBytes, backoff, HoldConfig.NONE);
    }

    public static PunchConfig of(InetSocketAddress server, String id, String peer) {
        return new PunchConfig(server, id, peer, null, null, 0, Duration.ofSeconds(10), Strategy.LISTEN_CONNECT, 0,
                Backoff.DEFAULT);
    }

    public PunchConfig withToken(String t) {
        return new PunchConfig(server, id, peer, t, localAddress, localPort, timeout, strategy, echoBytes, backoff, hold);
    }

    public PunchConfig withLocal(InetAddress address, int port) {
        return new PunchConfig(server, id, peer, token, address, port, timeout, strategy, echoBytes, backoff, hold);
    }

    public PunchConfig withTimeout(Duration t) {
        return new PunchConfig(server, id, peer, token, localAddress, localPort, t, strategy, echoBytes, backoff, hold);
    }

    public PunchConfig withStrategy(Strategy s) {
        return new PunchConfig(server, id, peer, token, localAddress, localPort, timeout, s, echoBytes, backoff, hold);
    }

    public PunchConfig withEchoBytes(long n) {
        return new PunchConfig(server, id, peer, token, localAddress, localPort, timeout, strategy, n, backoff, hold);
    }

    public PunchConfig withBackoff(Backoff b) {
        return new PunchConfig(server, id, peer, token, localAddress, localPort, timeout, strategy, echoBytes, b, hold);
    }

    public PunchConfig withHold(HoldConfig h) {
        return new PunchConfig(server, id, peer, token, localAddress, localPort, timeout, strategy, echoBytes, backoff,
                h);
    }
}
