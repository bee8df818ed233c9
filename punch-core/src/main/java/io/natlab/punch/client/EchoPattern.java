package io.natlab.punch.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The verification bytes one side sends: pseudo-random, derived from the session nonce and the sender's id,
 * so the receiver can check every byte without a copy being sent back. Produced in fixed-size chunks, so the
 * sender and the checker generate the same sequence.
 */
final class EchoPattern {
    static final int CHUNK = 8192;

    private final SplittableRandom random;
    private long remaining;

    EchoPattern(String session, String senderId, long totalBytes) {
        this.random = new SplittableRandom(seed(session + "/" + senderId));
        this.remaining = totalBytes;
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The next chunk (at most {@link #CHUNK} bytes), or null when all bytes were produced. */
    byte[] nextChunk() {
        if (remaining == 0) {
            return null;
        }
        byte[] chunk = new byte[(int) Math.min(CHUNK, remaining)];
        random.nextBytes(chunk);
        remaining -= chunk.length;
        return chunk;
    }
}
