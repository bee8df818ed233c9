package io.natlab.topology;

import java.util.regex.Pattern;

/**
 * The one rule for scenario and topology names, written ({@code name:}) or taken from the file name: they
 * become report directory names, appear in log lines, labels and generated scripts, so only characters that
 * are safe in all of those are allowed.
 */
public final class LabName {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private LabName() {}

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** Why {@code name} is not usable, or null when it is. */
    public static String problem(String name) {
        return isValid(name) ? null
            : "is not usable as a report directory name: use 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit";
    }
}
