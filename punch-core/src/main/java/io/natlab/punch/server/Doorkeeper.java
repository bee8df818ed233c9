package io.natlab.punch.server;

import io.natlab.punch.protocol.ErrorCode;
import java.net.InetAddress;

/**
 * Decides at accept time whether a new connection is served: a source that keeps failing to register is turned
 * away for a while ({@link SourceThrottle}), and the {@link ConnectionBudget} may refuse it or make room by
 * displacing an unregistered connection. Pure and single-threaded; the server does the socket work.
 */
final class Doorkeeper {
    /** What a displaced connection is told. */
    static final String DISPLACED = "unregistered connections are full and this one was the oldest; register sooner";

    sealed interface Decision {
    }

    /** Refuse the newcomer with this ERROR. */
    record TurnAway(ErrorCode code, String message) implements Decision {
    }

    /** Serve it; close {@code displaced} (already released from the budget) first when not null. */
    record Enter(ClientConnection displaced) implements Decision {
    }

    private final ConnectionBudget<ClientConnection> budget;
    private final SourceThrottle throttle;

    Doorkeeper(ServerConfig config) {
        this.budget = new ConnectionBudget<>(config.maxConnections(), config.defences());
        this.throttle = new SourceThrottle(config.defences());
    }

    Decision decide(InetAddress address, long now) {
        long wait = throttle.waitNanos(address, now);
        if (wait > 0) {
            return new TurnAway(ErrorCode.THROTTLED, "too many failed registrations from " + address.getHostAddress()
                    + "; retry in " + (wait / 1_000_000 + 1) + " ms");
        }
        ConnectionBudget.Admission<ClientConnection> admission = budget.admit(address);
        if (admission instanceof ConnectionBudget.Refuse<ClientConnection> refusal) {
            return new TurnAway(ErrorCode.SERVER_FULL, refusal.reason());
        }
        return new Enter(((ConnectionBudget.Admit<ClientConnection>) admission).displaced());
    }

    /** {@code c} from {@code address} was let in after {@link Enter}. */
    void entered(ClientConnection c, InetAddress address) {
        budget.add(c, address);
    }

    void registered(ClientConnection c) {
        budget.registered(c);
    }

    void closed(ClientConnection c) {
        budget.closed(c);
    }

    /** An unregistered connection failed with {@code code}; counts against its source unless it was not its fault. */
    void failed(ClientConnection c, ErrorCode code, long now) {
        if (c.id == null && code != ErrorCode.SHUTDOWN) {
            throttle.failed(c.remote.address(), now);
        }
    }

    int unregistered() {
        return budget.unregistered();
    }
}
