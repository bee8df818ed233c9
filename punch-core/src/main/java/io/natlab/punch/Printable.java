package io.natlab.punch;

/**
 * Makes any text safe to print as part of one line (error lines, log lines, comments in generated scripts):
 * control characters, line and paragraph separators and lone surrogates are written as escapes, so a value
 * can neither split a line nor fake another one. The one place that decides how untrusted text is printed.
 */
public final class Printable {
    /** Longest text printed before it is cut (with a note saying how long it was). */
    public static final int MAX_CHARS = 200;

    private Printable() {
    }

    /** {@code text} with every unprintable character escaped ({@code \n}, {@code \t}, {@code \u0000}, ...). */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escapeOf(text, i);
            if (escaped != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (escaped != null) {
                    b.append(escaped);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /** {@link #escape} and cut to {@link #MAX_CHARS} characters, for values quoted in messages. */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "... (" + text.length() + " characters)";
        return "'" + escape(cut) + "'";
    }

    private static String escapeOf(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
        boolean loneSurrogate = Character.isHighSurrogate(c)
                ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
        return control || loneSurrogate ? String.format("\\u%04x", (int) c) : null;
    }
}
