package io.natlab.edges;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar nat-lab/target/nat-lab.jar ...} as a child process, the way a user starts it: its own JVM, its own
 * pid (the {@code natlab.pid} label of its labs), stdout and stderr captured to files so they never block it.
 */
final class NatLabProcess implements AutoCloseable {
    /**
     * Signal dispositions of a terminal's foreground job (SIGINT and SIGTERM default), set whatever this JVM inherited:
     * under {@code mvn verify &} or {@code nohup} SIGINT arrives here ignored, and children inherit that.
     * {@code env} execs, so the child's pid stays java's.
     */
    static final List<String> FOREGROUND_JOB = List.of("env", "--default-signal=INT,TERM");
    /** Those of a script's background job ({@code cmd &}): SIGINT ignored, SIGTERM default. */
    static final List<String> BACKGROUND_JOB = List.of("env", "--ignore-signal=INT", "--default-signal=TERM");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private NatLabProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The repository: failsafe passes it as {@code natlab.repoRoot}; elsewhere the working directory's parent. */
    static Path repoRoot() {
        return Path.of(System.getProperty("natlab.repoRoot", "..")).toAbsolutePath().normalize();
    }

    static Path jar() {
        Path jar = repoRoot().resolve("nat-lab/target/nat-lab.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " missing: it is built in the package phase (mvn verify)");
        return jar;
    }

    /** A test resource under {@code nat-lab/src/test/resources/edges/}. */
    static Path resource(String name) {
        return repoRoot().resolve("nat-lab/src/test/resources/edges").resolve(name);
    }

    /**
     * Starts {@code [wrapper...] java -jar nat-lab.jar args...} in {@code workDir}, with the environment of this JVM
     * (the TESTCONTAINERS_* settings CI exports) changed by {@code env} (a null value removes a variable).
     * The wrapper must exec java in its own process (like {@code unshare} without --fork), so the pid stays java's.
     */
    static NatLabProcess start(Path workDir, List<String> wrapper, Map<String, String> env, String... args) {
        if (!wrapper.isEmpty() && !works(wrapper))
            throw new AssertionError("cannot start the child through " + wrapper + " (needs GNU env 8.31+ for --default-signal)");
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path out = workDir.resolve("stdout.txt");
            Path err = workDir.resolve("stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
            env.forEach((k, v) -> { if (v == null) pb.environment().remove(k); else pb.environment().put(k, v); });
            return new NatLabProcess(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + cmd, e);
        }
    }

    long pid() { return process.pid(); }

    boolean isAlive() { return process.isAlive(); }

    String stdout() { return read(stdout); }

    String stderr() { return read(stderr); }

    /** Sends a signal like a terminal or a service manager would: {@code INT} is Ctrl-C, {@code TERM} a polite kill. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0)
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The exit code, or an error (with the child's output) when it has not exited within {@code limit}. */
    int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS))
                throw new AssertionError("nat-lab.jar (pid " + pid() + ") still runs after " + limit + "\n" + transcript());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the child's output is, for progress lines that should not repeat it. */
    String outputFiles() { return stdout + ", " + stderr; }

    /** True when {@code wrapper true} runs and exits 0: the wrapper works on this host. */
    static boolean works(List<String> wrapper) {
        try {
            List<String> cmd = new ArrayList<>(wrapper);
            cmd.add("true");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Both streams, for failure messages. */
    String transcript() {
        return "--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
    }

    /** A child still running when a test ends is killed hard; its labs are then removed by {@link LabObjects}. */
    @Override public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try { process.waitFor(30, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
