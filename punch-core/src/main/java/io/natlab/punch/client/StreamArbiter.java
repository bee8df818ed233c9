package io.natlab.punch.client;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Picks the one stream both sides keep when several authenticate (for example one from our connect and one
 * from our listener, with different 4-tuples). The side whose id sorts first is the chooser: it keeps the
 * first stream that authenticates and says so with CHOSEN on it. The other side is the follower: it keeps
 * the stream on which CHOSEN arrives. So both sides always keep the same stream, whatever order the streams
 * formed in on each side, and no tie-break on timing is needed.
 *
 * @param <S> the stream type
 */
final class StreamArbiter<S> {
    enum Role {
        CHOOSER, FOLLOWER
    }

    private final Role role;
    private final AtomicReference<S> winner = new AtomicReference<>();

    StreamArbiter(Role role) {
        this.role = role;
    }

    /** Ids are unique and differ within a pair (the server refuses CONNECT to yourself). */
    static Role roleOf(String selfId, String peerId) {
        int cmp = selfId.compareTo(peerId);
        if (cmp == 0) {
            throw new IllegalArgumentException("self and peer ids must differ");
        }
        return cmp < 0 ? Role.CHOOSER : Role.FOLLOWER;
    }

    Role role() {
        return role;
    }

    /**
     * Chooser: called when {@code stream} authenticated. Follower: called when CHOSEN arrived on it.
     * Returns true for the first stream only: that one is kept.
     */
    boolean claim(S stream) {
        return winner.compareAndSet(null, stream);
    }

    /** Chooser only: CHOSEN could not be sent on the claimed stream, so let another stream win. */
    void release(S stream) {
        winner.compareAndSet(stream, null);
    }

    S winner() {
        return winner.get();
    }
}
