package io.natlab.yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the YAML duration syntax: a number and a unit, {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
public final class Durations {

    /** The accepted syntax, also used by the JSON Schema. */
    public static final String PATTERN = "^[0-9]+(\\.[0-9]+)?(ms|s|m)$";

    private static final Pattern SIGNED = Pattern.compile("(-?)([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)");

    private Durations() {}

    /** @throws IllegalArgumentException with a message fit for the user */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = SIGNED.matcher(t);
        if (!m.matches()) {
            if (t.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException("'" + text + "' needs a unit: ms, s or m (e.g. 500ms, 2s, 1m)");
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 2s, 1m)");
        }
        if (!m.group(1).isEmpty()) throw new IllegalArgumentException("'" + text + "' is negative; durations must be 0 or more");
        BigDecimal millisPerUnit = switch (m.group(3)) {
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1000);
            default -> BigDecimal.valueOf(60_000);
        };
        BigDecimal millis = new BigDecimal(m.group(2)).multiply(millisPerUnit);
        if (millis.compareTo(BigDecimal.valueOf(24L * 3600 * 1000)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than a day");
        }
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }

    /** The shortest exact spelling, e.g. {@code 2s}, {@code 1500ms} — for reports and resolved scenarios. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 60_000 == 0) return (ms / 60_000) + "m";
        if (ms != 0 && ms % 1000 == 0) return (ms / 1000) + "s";
        return ms + "ms";
    }
}
