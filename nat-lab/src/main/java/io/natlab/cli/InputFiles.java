package io.natlab.cli;

import io.natlab.punch.Printable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files given on the command line before anything reads them, so a missing, unreadable or wrong kind
 * of path gets the same one-line usage error (exit 2) in every command.
 */
final class InputFiles {
    private InputFiles() {}

    /** What is wrong with {@code file} as an input file, or null when it can be read. */
    static String problem(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory; give the files in it, e.g. " + Printable.escape(file.resolve("*.yaml").toString());
        }
        if (!Files.exists(file)) return "no such file";
        if (!Files.isRegularFile(file)) return "not a regular file";
        try (InputStream in = Files.newInputStream(file)) {
            in.read(); // opening is not enough: some files open and then fail to read
            return null;
        } catch (AccessDeniedException e) {
            return "cannot read it: permission denied";
        } catch (IOException e) {
            return "cannot read it: " + e.getMessage();
        }
    }

    /** {@code "<command>: FILE: problem"}, escaped so a strange file name cannot split the line. */
    static String line(String command, Path file, String problem) {
        return command + ": " + describe(file, problem);
    }

    /** {@code "FILE: problem"}, escaped. */
    static String describe(Path file, String problem) {
        return Printable.escape(file + ": " + problem);
    }
}
