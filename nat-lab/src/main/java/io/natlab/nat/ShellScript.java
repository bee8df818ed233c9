package io.natlab.nat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one shell-script builder and quoter of the lab: an ordered list of lines for {@code sh -eu}, comments saying
 * which section a command belongs to. Every word that reaches a container's shell from outside is quoted here.
 */
public final class ShellScript {
    private static final String HEREDOC_END = "NATLAB_EOF";
    private final List<String> lines = new ArrayList<>();

    public ShellScript section(String title) { lines.add("# --- " + title); return this; }

    public ShellScript comment(String text) { lines.add("# " + text); return this; }

    /** A command line as written (the caller quotes what it took from outside, see {@link #join}). */
    public ShellScript cmd(String command) { lines.add(command); return this; }

    /** A here-document fed to {@code command} (quoted delimiter: no shell expansion inside). */
    public ShellScript heredoc(String command, String body) {
        if (body.lines().anyMatch(HEREDOC_END::equals))
            throw new IllegalArgumentException("here-document body contains its own end marker " + HEREDOC_END);
        lines.add(command + " <<'" + HEREDOC_END + "'");
        lines.add(body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
        lines.add(HEREDOC_END);
        return this;
    }

    /** Fails the script with a message naming what is wrong. */
    public ShellScript require(String condition, String message) {
        lines.add(condition + " || { echo " + quote("natlab: " + message) + " >&2; exit 1; }");
        return this;
    }

    public String render() { return String.join("\n", lines) + "\n"; }

    /** POSIX single-quoting; words made only of safe characters stay bare. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words quoted and joined into one command line. */
    public static String join(String... words) {
        return Arrays.stream(words).map(ShellScript::quote).collect(Collectors.joining(" "));
    }
}
