package io.natlab.shard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which part of a suite this run takes: shard {@code index} (1-based) of {@code count}, written {@code i/N}. */
public record ShardSpec(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public ShardSpec {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": write i/N with 1 <= i <= N");
        }
    }

    public static ShardSpec all() {
        return new ShardSpec(1, 1);
    }

    /** Parses {@code i/N}; the message names the option or property the text came from. */
    public static ShardSpec parse(String text, String source) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(source + ": '" + text + "' is not a shard; write i/N, e.g. 1/3");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException(source + ": shard " + text + " does not exist; i must be within 1.." + n);
        }
        return new ShardSpec(i, n);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
