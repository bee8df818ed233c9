package io.natlab.interactive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the interactive lab's state lives: {@code $NATLAB_STATE_DIR}, else {@code $XDG_RUNTIME_DIR/natlab}, else
 * {@code ~/.natlab}. One interactive lab per directory: {@code lab.json} (the state) and {@code lab.sock} (the
 * {@code up} process's control socket).
 */
public final class StateDir {
    public static final String ENV = "NATLAB_STATE_DIR";

    private StateDir() {}

    public static Path resolve() {
        String explicit = System.getProperty("natlab.stateDir", System.getenv(ENV)); // the property: tests
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath().normalize();
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) return Path.of(runtime, "natlab");
        return Path.of(System.getProperty("user.home"), ".natlab");
    }

    public static Path stateFile(Path dir) { return dir.resolve("lab.json"); }
    public static Path socket(Path dir) { return dir.resolve("lab.sock"); }

    /** Creates the directory, readable by its owner only (the socket starts trials in the lab). */
    public static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) { /* not a POSIX file system */ }
    }
}
