package io.natlab.host;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings {@code docker/prepare-host.sh} leaves for this host in {@value #DEFAULT_FILE} (or the file named by
 * {@code NATLAB_ENV_FILE}): {@code KEY=VALUE} lines, e.g. the base image it built and, where no registry answers,
 * Testcontainers' switches {@code TESTCONTAINERS_RYUK_DISABLED}, {@code TESTCONTAINERS_HOST_OVERRIDE} and
 * {@code TESTCONTAINERS_CHECKS_DISABLE}. With them {@code mvn -B verify} and {@code nat-lab.jar run} need no exports.
 *
 * <p>Testcontainers reads those switches only from the process environment ({@code System.getenv}), so they are put
 * there, before Testcontainers starts: a variable the user set wins. Writing the environment needs
 * {@code --add-opens java.base/java.util} (nat-lab.jar's manifest and the failsafe JVM have it).
 */
public final class HostEnvironment {
    public static final Path DEFAULT_FILE = Path.of("/etc/natlab/env");
    public static final String FILE_VARIABLE = "NATLAB_ENV_FILE";
    private static final Pattern KEY = Pattern.compile("(NATLAB|TESTCONTAINERS)_[A-Z0-9_]+");

    private HostEnvironment() {}

    /** The file this process reads: {@code $NATLAB_ENV_FILE}, else {@value #DEFAULT_FILE}. */
    public static Path file() {
        String chosen = System.getenv(FILE_VARIABLE);
        return chosen == null || chosen.isBlank() ? DEFAULT_FILE : Path.of(chosen);
    }

    /**
     * {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped. Only {@code NATLAB_*} and
     * {@code TESTCONTAINERS_*} keys: this file configures nat-lab, nothing else.
     * @throws IllegalArgumentException naming {@code FILE:LINE} for a line that is none of these
     */
    public static Map<String, String> parse(Path file, List<String> lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches())
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected NATLAB_...=value or TESTCONTAINERS_...=value, got '"
                    + line + "'");
            vars.put(key, line.substring(eq + 1).strip());
        }
        return vars;
    }

    /** Of {@code vars}, those the environment {@code current} does not set yet. */
    public static Map<String, String> missing(Map<String, String> vars, Map<String, String> current) {
        Map<String, String> todo = new LinkedHashMap<>(vars);
        todo.keySet().removeIf(k -> current.get(k) != null && !current.get(k).isBlank());
        return todo;
    }

    /**
     * Puts the file's variables this process lacks into its environment (no file: nothing to do).
     * @return the variables it set
     * @throws IllegalArgumentException for a malformed file; IllegalStateException when the environment cannot be written
     */
    public static Map<String, String> apply() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) return Map.of();
        Map<String, String> todo = missing(parse(file, Files.readAllLines(file)), System.getenv());
        if (!todo.isEmpty()) writableEnvironment(file).putAll(todo);
        return todo;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> writableEnvironment(Path file) {
        Map<String, String> view = System.getenv(); // an unmodifiable view of the map System.getenv(name) reads
        try {
            Field inner = view.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            return (Map<String, String>) inner.get(view);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot apply " + file + " (" + e.getMessage() + "): export its variables yourself, "
                + "or run java with --add-opens java.base/java.util=ALL-UNNAMED", e);
        }
    }
}
