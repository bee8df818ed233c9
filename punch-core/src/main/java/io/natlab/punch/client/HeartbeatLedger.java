package io.natlab.punch.client;

/**
 * Sequence numbers and counts of a held stream, across the links a recovery re-punches. The heartbeats are
 * the stream's payload: each side numbers its beats 1, 2, ... and the receiver accepts them only in order, so
 * a loss, a duplicate or a corrupted frame is counted, never silent. Thread-safe (sender and reader threads).
 */
final class HeartbeatLedger {
    private long nextSeq = 1;
    private long highestSent;
    private long lastVerified;
    private long lastHeardNanos;
    private long sent;
    private long received;
    private long verified;
    private long lost;
    private long duplicated;
    private long corrupted;
    private long resent;

    /** Counts as of one instant. */
    record Counts(long sent, long received, long verified, long lost, long duplicated, long corrupted, long resent) {
    }

    HeartbeatLedger(long startNanos) {
        this.lastHeardNanos = startNanos;
    }

    /** Whether beats the peer has not received are waiting to be re-sent (after a resume). */
    synchronized boolean resendPending() {
        return nextSeq <= highestSent;
    }

    /** Takes the next sequence number to send and counts it as sent (a re-sent one also as resent). */
    synchronized long takeNext() {
        long seq = nextSeq++;
        if (seq <= highestSent) {
            resent++;
        } else {
            highestSent = seq;
        }
        sent++;
        return seq;
    }

    /** The last sequence sent in order: what an END frame carries. */
    synchronized long lastSentInOrder() {
        return nextSeq - 1;
    }

    /** After a recovery: the peer received up to {@code peerReceived}, so sending goes on from the next one. */
    synchronized void resumeFrom(long peerReceived) throws java.io.IOException {
        if (peerReceived > highestSent) {
            throw new java.io.IOException("peer claims heartbeat " + peerReceived + " but only " + highestSent
                    + " were sent");
        }
        nextSeq = peerReceived + 1;
    }

    synchronized void beat(long seq, long nowNanos) {
        received++;
        lastHeardNanos = nowNanos;
        if (seq <= lastVerified) {
            duplicated++;
            return;
        }
        lost += seq - lastVerified - 1;
        verified++;
        lastVerified = seq;
    }

    /** The peer's END: beats it sent that never arrived are lost. */
    synchronized void end(long peerLastSent, long nowNanos) {
        lastHeardNanos = nowNanos;
        if (peerLastSent > lastVerified) {
            lost += peerLastSent - lastVerified;
            lastVerified = peerLastSent;
        }
    }

    synchronized void corrupt() {
        corrupted++;
    }

    synchronized long highestSent() {
        return highestSent;
    }

    synchronized long lastVerified() {
        return lastVerified;
    }

    synchronized long lastHeardNanos() {
        return lastHeardNanos;
    }

    synchronized Counts counts() {
        return new Counts(sent, received, verified, lost, duplicated, corrupted, resent);
    }
}
