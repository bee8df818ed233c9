package io.natlab.punch.server;

import io.natlab.punch.protocol.ErrorCode;

/** Which time limit a connection has outstayed, if any, and what it is told. Pure. */
final class ConnectionExpiry {
    /**
     * @param closeAtOnce close without an ERROR (it is already closing, or it does not read)
     * @param code        the ERROR code otherwise
     * @param reason      the ERROR message, or the close reason
     */
    record Expired(boolean closeAtOnce, ErrorCode code, String reason) {
    }

    private ConnectionExpiry() {
    }

    /** The limit {@code c} has outstayed at {@code now}, or null. The first one listed wins. */
    static Expired check(ClientConnection c, long now, ServerConfig config) {
        if (c.state == ClientConnection.State.CLOSING) {
            return now - c.closingSince > config.lingerTimeout().toNanos()
                    ? new Expired(true, null, "closed after error") : null;
        }
        if (c.blockedSince != 0 && now - c.blockedSince > config.writeTimeout().toNanos()) {
            return new Expired(true, null, "slow reader: output unsent for " + config.writeTimeout().toMillis() + " ms");
        }
        if (c.partialSince != 0 && now - c.partialSince > config.frameTimeout().toNanos()) {
            return new Expired(false, ErrorCode.SLOW_CLIENT,
                    "frame not completed within " + config.frameTimeout().toMillis() + " ms");
        }
        if (c.id == null && now - c.acceptedAt > config.registerTimeout().toNanos()) {
            return new Expired(false, ErrorCode.TIMEOUT, "no REGISTER within " + config.registerTimeout().toMillis() + " ms");
        }
        if (now - c.lastFrameAt > config.idleTimeout().toNanos()) {
            return new Expired(false, ErrorCode.TIMEOUT,
                    "idle for " + config.idleTimeout().toMillis() + " ms; send PING to stay");
        }
        return null;
    }
}
