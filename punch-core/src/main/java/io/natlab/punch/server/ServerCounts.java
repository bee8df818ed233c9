package io.natlab.punch.server;

/**
 * The counts {@link RendezvousServer} reports to other threads. Only the selector thread writes them: after
 * every loop turn, and at once when an id is registered or released, so a caller polling them never waits a
 * whole turn to see a registration.
 */
final class ServerCounts {
    private volatile int connections;
    private volatile int registered;
    private volatile int unregistered;

    void publish(int openConnections, int registeredIds, int unregisteredConnections) {
        connections = openConnections;
        registered = registeredIds;
        unregistered = unregisteredConnections;
    }

    void registered(int registeredIds) {
        registered = registeredIds;
    }

    /** The server has stopped: nothing is open any more. */
    void reset() {
        publish(0, 0, 0);
    }

    int connections() {
        return connections;
    }

    int registered() {
        return registered;
    }

    int unregistered() {
        return unregistered;
    }
}
