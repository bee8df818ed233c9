package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** Server-side state of one client connection. Touched only by the selector thread. */
final class ClientConnection {
    enum State {
        /** Reading and answering frames. */
        OPEN,
        /** An ERROR is queued or sent; output is shut after it and input is drained until the client closes. */
        CLOSING,
        CLOSED
    }

    final SocketChannel channel;
    final SelectionKey key;
    final Endpoint remote;
    final FrameDecoder decoder = new FrameDecoder();
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>(2);
    private int pendingBytes;

    State state = State.OPEN;
    String id;
    /** From the client's last CONNECT: its predicted next mapping (port prediction), or null. */
    Endpoint predicted;
    final long acceptedAt;
    long lastFrameAt;
    /** When the current unfinished frame began, or 0. */
    long partialSince;
    /** When queued output last could not be written completely, or 0. */
    long blockedSince;
    long closingSince;

    ClientConnection(SocketChannel channel, SelectionKey key, Endpoint remote, long now) {
        this.channel = channel;
        this.key = key;
        this.remote = remote;
        this.acceptedAt = now;
        this.lastFrameAt = now;
    }

    void enqueue(byte[] frame) {
        output.add(ByteBuffer.wrap(frame));
        pendingBytes += frame.length;
    }

    int pendingBytes() {
        return pendingBytes;
    }

    boolean hasPendingOutput() {
        return !output.isEmpty();
    }

    /** Writes what the socket takes now; returns true when nothing is left queued. */
    boolean flush() throws java.io.IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            pendingBytes -= channel.write(head);
            if (head.hasRemaining()) {
                return false;
            }
            output.poll();
        }
        return true;
    }

    String describe() {
        return id == null ? remote.toString() : id + "@" + remote;
    }
}
