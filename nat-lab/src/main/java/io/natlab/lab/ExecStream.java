package io.natlab.lab;

/**
 * A long-running command inside a lab container with its stdin held open: the runner writes request lines, the
 * command answers with lines on stdout (a warm peer's agent, see {@link LabHost#stream}).
 */
public interface ExecStream extends AutoCloseable {
    /** Writes one line to the command's stdin; false when the command has ended. */
    boolean send(String line);

    /** True until the command ended (or the stream broke). */
    boolean alive();

    /** The last lines the command wrote on stderr: why it ended, when it did. */
    String stderrTail();

    /** Closes its stdin (the command sees end of input) and stops reading its output. Idempotent. */
    @Override void close();
}
