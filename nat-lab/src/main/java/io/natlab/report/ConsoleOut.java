package io.natlab.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where the console reports go: standard output as UTF-8, so ✔/✘ survive a POSIX-locale CI shell. */
public final class ConsoleOut {
    private ConsoleOut() {}

    /**
     * UTF-8 view of {@link System#out}. It wraps System.out rather than file descriptor 1, so Maven's forked test
     * JVMs still capture it.
     */
    public static PrintStream stdout() { return new PrintStream(System.out, true, StandardCharsets.UTF_8); }

    /** ANSI colour only on an interactive terminal outside CI, and never when NO_COLOR is set. */
    public static boolean colourAllowed() {
        return System.console() != null && System.getenv("CI") == null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
