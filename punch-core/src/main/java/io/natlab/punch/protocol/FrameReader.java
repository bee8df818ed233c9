package io.natlab.punch.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Pull-style frame reader for blocking streams. Reads exactly up to the newline and no further, so raw bytes
 * that follow a frame (the echo payload on a punched stream) stay in {@code in} for the caller.
 * Wrap the socket stream in a BufferedInputStream and use that same stream for raw reads.
 */
public final class FrameReader {
    private final InputStream in;
    private final byte[] buffer = new byte[Protocol.MAX_FRAME_BYTES + 1];

    public FrameReader(InputStream in) {
        this.in = in;
    }

    public InputStream stream() {
        return in;
    }

    /** Reads and decodes the next frame; EOFException when the stream ends first. */
    public Message read() throws IOException, ProtocolException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(length == 0 ? "connection closed" : "connection closed inside a frame");
            }
            if (b == '\n') {
                break;
            }
            if (length == buffer.length) {
                throw new ProtocolException(ErrorCode.TOO_LARGE,
                        "frame longer than " + Protocol.MAX_FRAME_BYTES + " bytes");
            }
            buffer[length++] = (byte) b;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        if (length > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "frame longer than " + Protocol.MAX_FRAME_BYTES + " bytes");
        }
        return MessageCodec.decode(Arrays.copyOf(buffer, length));
    }
}
