package io.natlab.lab;

import java.time.Duration;

/** The outcome of a command run inside a lab container. */
public record ExecResult(int exitCode, String stdout, String stderr, Duration took) {
    public boolean ok() { return exitCode == 0; }
}
