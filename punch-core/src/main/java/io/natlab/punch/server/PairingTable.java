package io.natlab.punch.server;

import io.natlab.punch.protocol.PeerInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is registered and who asked for whom. Pure and single-threaded (the selector thread owns it).
 * Duplicate id: the newest registration replaces the older one, which the caller then closes.
 * A pair forms when A asked for B and B asked for A; both requests are then consumed.
 *
 * @param <C> the connection type
 */
final class PairingTable<C> {

    record Pair<C>(C first, PeerInfo firstInfo, C second, PeerInfo secondInfo) {
    }

    private static final class Entry<C> {
        final C connection;
        final PeerInfo info;
        String wanted;

        Entry(C connection, PeerInfo info) {
            this.connection = connection;
            this.info = info;
        }
    }

    private final Map<String, Entry<C>> byId = new HashMap<>();

    /** Registers {@code info.id()} for {@code connection}; returns the connection it replaced, if any. */
    Optional<C> register(C connection, PeerInfo info) {
        Entry<C> previous = byId.put(info.id(), new Entry<>(connection, info));
        return previous == null || previous.connection == connection
                ? Optional.empty() : Optional.of(previous.connection);
    }

    /**
     * Records that {@code id} wants {@code peer}. Returns the pair when {@code peer} already wants {@code id};
     * the requesting side is {@link Pair#second()}.
     */
    Optional<Pair<C>> request(String id, String peer) {
        Entry<C> self = byId.get(id);
        if (self == null) {
            throw new IllegalStateException(id + " is not registered");
        }
        self.wanted = peer;
        Entry<C> other = byId.get(peer);
        if (other == null || !id.equals(other.wanted)) {
            return Optional.empty();
        }
        self.wanted = null;
        other.wanted = null;
        return Optional.of(new Pair<>(other.connection, other.info, self.connection, self.info));
    }

    /** Removes {@code id} if {@code connection} still owns it (a replaced connection does not). */
    boolean remove(String id, C connection) {
        Entry<C> entry = byId.get(id);
        if (entry != null && entry.connection == connection) {
            byId.remove(id);
            return true;
        }
        return false;
    }

    int size() {
        return byId.size();
    }
}
