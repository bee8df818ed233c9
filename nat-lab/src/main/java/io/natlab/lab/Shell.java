package io.natlab.lab;

import java.util.Arrays;
import java.util.stream.Collectors;

/** POSIX shell quoting, for commands handed to {@code sh -c} inside containers. */
public final class Shell {
    private Shell() {}

    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(String... words) {
        return Arrays.stream(words).map(Shell::quote).collect(Collectors.joining(" "));
    }
}
