package io.natlab.punch.server;

import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.ProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads what a client sent, cuts it into frames and hands each message to the {@link MessageHandler}. A
 * protocol violation is answered with ERROR; input after that is drained and discarded. Also keeps the times
 * the frame and idle timeouts are measured from.
 */
final class FrameReader {
    /** One buffer serves every connection: only the selector thread reads, and each read is consumed at once. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final MessageHandler handler;
    private final ConnectionOutput output;
    private final OpenConnections connections;

    FrameReader(MessageHandler handler, ConnectionOutput output, OpenConnections connections) {
        this.handler = handler;
        this.output = output;
        this.connections = connections;
    }

    void onReadable(ClientConnection c, long now) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            connections.closeNow(c,
                    c.state == ClientConnection.State.CLOSING ? "closed after error" : "client closed", false);
            return;
        }
        if (c.state != ClientConnection.State.OPEN) {
            return; // draining after an ERROR: discard
        }
        readBuffer.flip();
        List<byte[]> frames;
        try {
            frames = c.decoder.feed(readBuffer);
        } catch (ProtocolException e) {
            output.fail(c, e.code(), e.getMessage(), now);
            return;
        }
        for (byte[] frame : frames) {
            if (c.state != ClientConnection.State.OPEN) {
                return;
            }
            c.lastFrameAt = now;
            try {
                handler.handle(c, MessageCodec.decode(frame), now);
            } catch (ProtocolException e) {
                output.fail(c, e.code(), e.getMessage(), now);
            }
        }
        c.partialSince = c.decoder.hasPartialFrame() ? (c.partialSince == 0 ? now : c.partialSince) : 0;
    }
}
