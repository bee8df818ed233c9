package io.natlab.punch.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Push-style splitter of a byte stream into newline-terminated frames, for non-blocking readers.
 * Holds at most {@link Protocol#MAX_FRAME_BYTES} of an unfinished frame; a longer line fails at once,
 * before the newline arrives, so a sender cannot make the buffer grow. A trailing CR is dropped.
 * Allocates nothing while no partial frame is pending.
 */
public final class FrameDecoder {
    private final int maxFrameBytes;
    private byte[] partial;
    private int partialLength;

    public FrameDecoder() {
        this(Protocol.MAX_FRAME_BYTES);
    }

    public FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Consumes all remaining bytes of {@code input} and returns the frames completed by them, in order. */
    public List<byte[]> feed(ByteBuffer input) throws ProtocolException {
        List<byte[]> frames = List.of();
        while (input.hasRemaining()) {
            byte b = input.get();
            if (b == '\n') {
                if (frames.isEmpty()) {
                    frames = new ArrayList<>(2);
                }
                frames.add(takeFrame());
            } else {
                append(b);
            }
        }
        return frames;
    }

    /** True while an unfinished frame is buffered (used for the slow-client timeout). */
    public boolean hasPartialFrame() {
        return partialLength > 0;
    }

    private void append(byte b) throws ProtocolException {
        // One byte past the limit is allowed only as the CR of a CRLF ending.
        if (partialLength >= maxFrameBytes && !(partialLength == maxFrameBytes && b == '\r')) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "frame longer than " + maxFrameBytes + " bytes");
        }
        if (partial == null) {
            partial = new byte[Math.min(256, maxFrameBytes + 1)];
        } else if (partialLength == partial.length) {
            partial = Arrays.copyOf(partial, Math.min(partial.length * 2, maxFrameBytes + 1));
        }
        partial[partialLength++] = b;
    }

    private byte[] takeFrame() {
        int length = partialLength;
        if (length > 0 && partial[length - 1] == '\r') {
            length--;
        }
        byte[] frame = length == 0 ? new byte[0] : Arrays.copyOf(partial, length);
        partial = null; // idle connections keep no buffer
        partialLength = 0;
        return frame;
    }
}
