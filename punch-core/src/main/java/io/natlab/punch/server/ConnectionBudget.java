package io.natlab.punch.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who may take a connection slot. Registered connections may use all {@code maxConnections}; connections
 * that have not registered yet share a smaller budget, so idle or hostile connections can never take the
 * reserve registered clients need. When that budget is full, a newcomer displaces the oldest unregistered
 * connection of the source holding the most (an honest client registers within a round trip and holds one;
 * an attacker holds many and loses its own), and once half of it is in use one source address cannot hold
 * more than its share. Pure and single-threaded; every operation is O(log n).
 *
 * @param <C> the connection type
 */
final class ConnectionBudget<C> {

    /** The answer for a new connection. */
    sealed interface Admission<C> {
    }

    /** Take it; when {@code displaced} is not null, that unregistered connection must be closed first. */
    record Admit<C>(C displaced) implements Admission<C> {
    }

    /** Refuse it with {@code reason}. */
    record Refuse<C>(String reason) implements Admission<C> {
    }

    private final int maxConnections;
    private final int maxUnregistered;
    private final int perSource;
    /** Unregistered connections oldest first, with the source each one counts against. */
    private final LinkedHashMap<C, InetAddress> unregistered = new LinkedHashMap<>();
    /** Each source's unregistered connections, oldest first. */
    private final Map<InetAddress, LinkedHashSet<C>> unregisteredBySource = new HashMap<>();
    /** Sources by how many unregistered connections they hold; within a count, the first to reach it first. */
    private final TreeMap<Integer, LinkedHashSet<InetAddress>> sourcesByCount = new TreeMap<>();
    private final Set<C> registered = new HashSet<>();

    ConnectionBudget(int maxConnections, ServerDefences defences) {
        this.maxConnections = maxConnections;
        this.maxUnregistered = Math.min(defences.maxUnregistered(), maxConnections);
        this.perSource = defences.maxUnregisteredPerSource();
    }

    /**
     * Decides about a new connection from {@code address}. On {@link Admit} the caller closes the displaced
     * connection (already released here) and then calls {@link #add}.
     */
    Admission<C> admit(InetAddress address) {
        InetAddress source = SourceAddress.of(address);
        LinkedHashSet<C> own = unregisteredBySource.get(source);
        int fromSource = own == null ? 0 : own.size();
        if (unregistered.size() >= maxUnregistered / 2 && fromSource >= perSource) {
            return new Refuse<>("too many unregistered connections from " + address.getHostAddress()
                    + " (at most " + perSource + " while the server is busy); register within the deadline");
        }
        C displaced = null;
        if (unregistered.size() >= maxUnregistered || total() >= maxConnections) {
            if (unregistered.isEmpty()) {
                return new Refuse<>("server has its maximum of " + maxConnections + " connections");
            }
            InetAddress hog = sourcesByCount.lastEntry().getValue().iterator().next();
            displaced = unregisteredBySource.get(hog).iterator().next();
            closed(displaced);
        }
        return new Admit<>(displaced);
    }

    /** Counts admitted {@code c} from {@code address} as unregistered. */
    void add(C c, InetAddress address) {
        InetAddress source = SourceAddress.of(address);
        unregistered.put(c, source);
        LinkedHashSet<C> own = unregisteredBySource.computeIfAbsent(source, k -> new LinkedHashSet<>());
        recount(source, own.size(), own.size() + 1);
        own.add(c);
    }

    /** {@code c} registered: it leaves the unregistered budget and keeps its slot. */
    void registered(C c) {
        if (leaveUnregistered(c)) {
            registered.add(c);
        }
    }

    /** {@code c} is gone; its slot is free. Idempotent. */
    void closed(C c) {
        if (!leaveUnregistered(c)) {
            registered.remove(c);
        }
    }

    private boolean leaveUnregistered(C c) {
        InetAddress source = unregistered.remove(c);
        if (source == null) {
            return false;
        }
        LinkedHashSet<C> own = unregisteredBySource.get(source);
        own.remove(c);
        recount(source, own.size() + 1, own.size());
        if (own.isEmpty()) {
            unregisteredBySource.remove(source);
        }
        return true;
    }

    private void recount(InetAddress source, int from, int to) {
        if (from > 0) {
            LinkedHashSet<InetAddress> at = sourcesByCount.get(from);
            at.remove(source);
            if (at.isEmpty()) {
                sourcesByCount.remove(from);
            }
        }
        if (to > 0) {
            sourcesByCount.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(source);
        }
    }

    int total() {
        return unregistered.size() + registered.size();
    }

    int unregistered() {
        return unregistered.size();
    }

    /** Sources with unregistered connections right now (bounded by the unregistered budget). */
    int sources() {
        return unregisteredBySource.size();
    }
}
