package io.natlab.punch.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Rendezvous server settings. Defaults suit the lab and the CLI; tests shorten the timeouts.
 *
 * @param bind               address and port to listen on (port 0 picks a free one)
 * @param token              shared secret every REGISTER must carry, or null for none
 * @param maxConnections     open connections allowed at once; more are told SERVER_FULL and closed
 * @param registerTimeout    time from accept to a valid REGISTER
 * @param idleTimeout        longest silence (no complete frame) allowed; clients PING to stay
 * @param frameTimeout       longest time one frame may take to arrive once it started (slow senders)
 * @param writeTimeout       longest time queued output may stay unsent (clients that stop reading)
 * @param lingerTimeout      after an ERROR, how long to wait for the client to close before closing hard
 * @param maxPendingOutput   bytes of unsent output allowed per connection
 * @param defences           limits on unregistered connections and on sources that keep failing
 */
public record ServerConfig(InetSocketAddress bind, String token, int maxConnections, Duration registerTimeout,
                           Duration idleTimeout, Duration frameTimeout, Duration writeTimeout,
                           Duration lingerTimeout, int maxPendingOutput, ServerDefences defences) {

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        if (token != null && token.isEmpty()) {
            token = null;
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
        for (Duration d : new Duration[] {registerTimeout, idleTimeout, frameTimeout, writeTimeout, lingerTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        if (maxPendingOutput < 4096) {
            throw new IllegalArgumentException("maxPendingOutput must be >= 4096");
        }
        Objects.requireNonNull(defences, "defences");
        if (defences.maxUnregistered() > maxConnections) {
            throw new IllegalArgumentException("maxUnregistered must be <= maxConnections");
        }
    }

    public static ServerConfig defaults(InetSocketAddress bind) {
        // A short registration deadline: honest clients register within a round trip of connecting.
        return new ServerConfig(bind, null, 10_000, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), 64 * 1024,
                ServerDefences.forMaxConnections(10_000));
    }

    public ServerConfig withToken(String newToken) {
        return new ServerConfig(bind, newToken, maxConnections, registerTimeout, idleTimeout, frameTimeout,
                writeTimeout, lingerTimeout, maxPendingOutput, defences);
    }

    /** Also resets {@link #defences} to the defaults for {@code max}; set them after this. */
    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(bind, token, max, registerTimeout, idleTimeout, frameTimeout, writeTimeout,
                lingerTimeout, maxPendingOutput, ServerDefences.forMaxConnections(max));
    }

    public ServerConfig withDefences(ServerDefences newDefences) {
        return new ServerConfig(bind, token, maxConnections, registerTimeout, idleTimeout, frameTimeout,
                writeTimeout, lingerTimeout, maxPendingOutput, newDefences);
    }

    public ServerConfig withTimeouts(Duration register, Duration idle, Duration frame) {
        return new ServerConfig(bind, token, maxConnections, register, idle, frame, writeTimeout, lingerTimeout,
                maxPendingOutput, defences);
    }
}
