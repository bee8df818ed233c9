package io.natlab.punch.client;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The fixed 24-byte binary frame of a held stream (optional {@code hold} extension of the peer contract):
 * <pre>
 *  0  4  magic "NLHB"
 *  4  1  kind: 1 = BEAT, 2 = END
 *  5  3  zero
 *  8  8  sequence, big-endian: a BEAT's own number (1, 2, ...); END: the last BEAT number sent
 * 16  4  zero
 * 20  4  CRC-32C of bytes 0..19, big-endian
 * </pre>
 * TCP delivers bytes in order, so every frame is checked: a wrong magic, kind, padding or checksum is
 * corruption (counted, and the stream is declared broken, since its framing can no longer be trusted).
 */
final class HeartbeatFrame {
    static final int SIZE = 24;
    static final int MAGIC = 0x4E4C4842;

    enum Kind {
        BEAT(1), END(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    record Decoded(Kind kind, long seq) {
    }

    /** A frame that failed its check. */
    static final class CorruptFrameException extends Exception {
        CorruptFrameException(String message) {
            super(message);
        }
    }

    private HeartbeatFrame() {
    }

    static byte[] encode(Kind kind, long seq) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putInt(MAGIC).put((byte) kind.code).put(new byte[3]).putLong(seq).putInt(0);
        b.putInt(crc(b.array()));
        return b.array();
    }

    static Decoded decode(byte[] frame) throws CorruptFrameException {
        if (frame.length != SIZE) {
            throw new CorruptFrameException("frame of " + frame.length + " bytes, expected " + SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        if (b.getInt(20) != crc(frame)) {
            throw new CorruptFrameException("checksum mismatch");
        }
        if (b.getInt(0) != MAGIC || frame[5] != 0 || frame[6] != 0 || frame[7] != 0 || b.getInt(16) != 0) {
            throw new CorruptFrameException("bad magic or padding");
        }
        long seq = b.getLong(8);
        if (seq < 0) {
            throw new CorruptFrameException("negative sequence " + seq);
        }
        for (Kind kind : Kind.values()) {
            if (kind.code == frame[4]) {
                return new Decoded(kind, seq);
            }
        }
        throw new CorruptFrameException("unknown kind " + (frame[4] & 0xff));
    }

    private static int crc(byte[] frame) {
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, 20);
        return (int) crc.getValue();
    }
}
