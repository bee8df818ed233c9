package io.natlab.nat;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of shell lines for {@code sh -eu}; comments say which section a command belongs to. */
final class ShellScript {
    private final List<String> lines = new ArrayList<>();

    ShellScript section(String title) { lines.add("# --- " + title); return this; }

    ShellScript comment(String text) { lines.add("# " + text); return this; }

    ShellScript cmd(String command) { lines.add(command); return this; }

    /** A here-document fed to {@code command} (quoted delimiter: no shell expansion inside). */
    ShellScript heredoc(String command, String body) {
        lines.add(command + " <<'NATLAB_EOF'");
        lines.add(body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
        lines.add("NATLAB_EOF");
        return this;
    }

    /** Fails the script with a message naming what is wrong. */
    ShellScript require(String condition, String message) {
        lines.add(condition + " || { echo " + quote("natlab: " + message) + " >&2; exit 1; }");
        return this;
    }

    String render() { return String.join("\n", lines) + "\n"; }

    /** Single-quotes a word for sh. */
    static String quote(String s) { return "'" + s.replace("'", "'\"'\"'") + "'"; }
}
