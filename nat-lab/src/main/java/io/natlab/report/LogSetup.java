package io.natlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends slf4j-simple's output to a file. slf4j-simple reads its settings once, when the first logger is created, and
 * falls back to stderr (with a stack trace) when the file's directory is missing — so call this before anything
 * touches Testcontainers or docker-java. A {@code -Dorg.slf4j.simpleLogger.logFile=...} given by the user wins.
 * Defaults are in {@code simplelogger.properties}.
 */
public final class LogSetup {
    private LogSetup() {}

    static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    /** @return the file logging goes to (the user's choice when they set one) */
    public static String toFile(Path file) throws IOException {
        String chosen = System.getProperty(LOG_FILE);
        if (chosen != null && !chosen.isBlank()) return chosen;
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        System.setProperty(LOG_FILE, absolute.toString());
        return absolute.toString();
    }
}
