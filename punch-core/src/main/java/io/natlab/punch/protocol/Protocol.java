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
    /**
     * Tokens: 1 to {@link #MAX_TOKEN_CHARS} printable ASCII characters without spaces, not starting with '-'
     * (they travel on command lines, where a leading '-' would read as an option). The CLIs and nat-lab's
     * validation use {@link #tokenProblem}, so a token that validates is one the server accepts.
     */
    public static final Pattern TOKEN_PATTERN = Pattern.compile("[!-,.-~][!-~]{0," + (MAX_TOKEN_CHARS - 1) + "}");
    /** Highest TCP port; listening ports are 1..MAX_PORT (0 only where "any free port" makes sense). */
    public static final int MAX_PORT = 65535;
    public static final int MAX_ERROR_MESSAGE_CHARS = 512;
    /** Session nonces are 32 lowercase hex digits (128 random bits). */
    public static final Pattern SESSION_PATTERN = Pattern.compile("[0-9a-f]{32}");

    private Protocol() {
    }

    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    /** Why {@code token} cannot be used, or null when it can. Never echoes the token itself (it is a secret). */
    public static String tokenProblem(String token) {
        if (token == null || token.isEmpty()) {
            return "must not be empty";
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return "must be at most " + MAX_TOKEN_CHARS + " characters, got " + token.length();
        }
        if (token.startsWith("-")) {
            return "must not start with '-' (it would read as a command-line option)";
        }
        if (!TOKEN_PATTERN.matcher(token).matches()) {
            return "must be printable ASCII without spaces (! to ~)";
        }
        return null;
    }

    public static String requireValidId(String id, String what) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of A-Z a-z 0-9 . _ -, got '"
                    + id + "'");
        }
        return id;
    }
}
