package io.natlab.lab;

import java.time.Duration;

/** One container of a running lab. Thin edge over Docker exec. */
public interface LabHost {
    /** Topology name: peer name, site name for routers, {@code rendezvous} for the server. */
    String name();
    HostRole role();
    /** The address others in the lab use to reach it: a peer's LAN address, a public host's internet address. */
    String ip();

    /** Runs a command and waits for it (killed at the timeout, then exitCode is -1). Never throws for a non-zero exit. */
    ExecResult exec(Duration timeout, String... command);

    /**
     * Like {@link #exec}, handing each complete stderr line to {@code onStderrLine} as it arrives (a client's live
     * event lines, e.g. its {@code stream-up}). This default hands them over at the end.
     */
    default ExecResult execWatching(Duration timeout, java.util.function.Consumer<String> onStderrLine, String... command) {
        ExecResult r = exec(timeout, command);
        r.stderr().lines().forEach(onStderrLine);
        return r;
    }

    /** Starts a command in the background inside the container; its stdout+stderr go to {@code logFile} there. */
    void spawn(String logFile, String... command);

    /** Reads a text file from the container ("" when it does not exist). */
    String readFile(String path);

    /** Copies a (possibly binary) file out of the container to the host; false when it does not exist. */
    boolean copyOut(String containerPath, java.nio.file.Path hostFile);

    /** The container's own log (stdout/stderr of its main process). */
    String logs();

    /**
     * Starts a long-running command with its stdin open, on one attached exec: each line it prints on stdout goes to
     * {@code lines} as it arrives, and {@code ended} runs once when the command ends or the stream breaks.
     */
    default ExecStream stream(java.util.function.Consumer<String> lines, Runnable ended, String... command) {
        throw new UnsupportedOperationException(name() + ": this host cannot hold a streaming exec");
    }
}
