package io.natlab.cli;

import io.natlab.punch.Printable;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure the report directory can be written before a run starts any lab: a run that could not write its
 * report would throw its results away. A directory the user names must have an existing parent (a typo should
 * not create a tree somewhere); the default one is created with its parents.
 */
final class ReportDirectory {
    private ReportDirectory() {}

    /** Creates {@code dir} if needed and proves it writable; returns what is wrong, or null. */
    static String prepare(Path dir, boolean userGiven) {
        Path parent = dir.getParent();
        try {
            if (userGiven && !Files.isDirectory(dir) && parent != null && !Files.isDirectory(parent)) {
                return Files.exists(parent) ? "is under " + Printable.escape(parent.toString()) + ", which is not a directory"
                    : "its parent directory " + Printable.escape(parent.toString()) + " does not exist";
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) return "exists and is not a directory";
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".natlab-write-check", "");
            Files.delete(probe);
            return null;
        } catch (FileAlreadyExistsException e) {
            return "cannot be created: " + Printable.escape(String.valueOf(e.getFile())) + " is in the way";
        } catch (IOException | SecurityException e) {
            return "cannot be written: " + Printable.escape(reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return String.valueOf(e.getMessage());
    }
}
