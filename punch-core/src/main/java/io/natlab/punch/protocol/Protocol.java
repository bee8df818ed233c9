package io.natlab.punch.protocol;

import java.util.regex.Pattern;

/** Constants of wire protocol version 1 (see docs/punch-core.md, "Wire protocol"). */
public final class Protocol {
    /** Protocol version carried in every frame as {@code "v"}. */
    public static final int VERSION = 1;
    /** Largest frame in bytes, not counting the terminating newline. */
    public static final int MAX_FRAME_BYTES = 4096;
    /** Ids: 1 to 64 characters from this set, so they are safe in logs and file names. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_TOKEN_CHARS = 256;
    public static final int MAX_ERROR_MESSAGE_CHARS = 512;
    /** Session nonces are 32 lowercase hex digits (128 random bits). */
    public static final Pattern SESSION_PATTERN = Pattern.compile("[0-9a-f]{32}");

    private Protocol() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    public static String requireValidId(String id, String what) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of A-Z a-z 0-9 . _ -, got '"
                    + id + "'");
        }
        return id;
    }
}
