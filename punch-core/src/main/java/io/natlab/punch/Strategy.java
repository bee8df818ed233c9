package io.natlab.punch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the client punches after the start instruction. */
public enum Strategy {
    /** Listen on the shared port and connect from it at the same time (the classic technique). */
    LISTEN_CONNECT,
    /** Only connect, no listener: a stream can only come from a TCP simultaneous open. */
    CONNECT_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Strategy parse(String text) {
        for (Strategy s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + text + "', expected one of "
                + Arrays.stream(values()).map(Strategy::wireName).collect(Collectors.joining(", ")));
    }
}
