package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.natlab.nat.ShellScript;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A lab container, driven through Docker exec. */
public class DockerLabHost implements LabHost {
    /** Extra wait beyond a command's own timeout for Docker to report it finished. */
    private static final long GRACE_MS = 5_000;
    /** How long a killed exec waits for Docker to record its container's exit. */
    private static final Duration CONTAINER_EXIT_GRACE = Duration.ofSeconds(3);

    protected final DockerClient docker;
    private final String name;
    private final HostRole role;
    private final String containerId;
    private final String ip;

    public DockerLabHost(DockerClient docker, String name, HostRole role, String containerId, String ip) {
        this.docker = docker;
        this.name = name;
        this.role = role;
        this.containerId = containerId;
        this.ip = ip;
    }

    @Override public String name() { return name; }
    @Override public HostRole role() { return role; }
    /** The Docker container id (Docker classes only; {@link LabHost} knows nothing of Docker). */
    public String containerId() { return containerId; }
    @Override public String ip() { return ip; }

    @Override
    public ExecResult exec(Duration timeout, String... command) { return execWatching(timeout, null, command); }

    /** Stderr lines reach {@code onStderrLine} as Docker delivers them (the frames are split at newlines here). */
    @Override
    public ExecResult execWatching(Duration timeout, java.util.function.Consumer<String> onStderrLine, String... command) {
        long started = System.nanoTime();
        // coreutils timeout kills the command inside the container; Docker has no exec kill.
        String[] wrapped = new String[command.length + 4];
        wrapped[0] = "timeout";
        wrapped[1] = "-s";
        wrapped[2] = "KILL";
        wrapped[3] = String.format(Locale.ROOT, "%.3f", Math.max(0.001, timeout.toMillis() / 1000.0));
        System.arraycopy(command, 0, wrapped, 4, command.length);
        ExecCreateCmdResponse created;
        try {
            created = docker.execCreateCmd(containerId)
                .withAttachStdout(true).withAttachStderr(true).withCmd(wrapped).exec();
        } catch (ConflictException e) {
            throw exited(e);
        }
        Output out = new Output(onStderrLine);
        try (Output cb = docker.execStartCmd(created.getId()).exec(out)) {
            boolean done = cb.awaitCompletion(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!done) return new ExecResult(-1, out.stdout(), out.stderr() + "\n[natlab] exec did not finish", took);
            int code = exitCode(created.getId());
            // 137 = killed by our timeout (SIGKILL), reported as the contract's -1.
            if (code == 137 && took.compareTo(timeout) >= 0) code = -1;
            // Failed because the container itself exited meanwhile (126, 137, ...): say why it exited.
            if (code != 0 && !running(code == 126 || code == 137 ? CONTAINER_EXIT_GRACE : Duration.ZERO)) throw exited(null);
            return new ExecResult(code, out.stdout(), out.stderr(), took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(-1, out.stdout(), out.stderr() + "\n[natlab] interrupted",
                Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int exitCode(String execId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            InspectExecResponse r = docker.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(r.isRunning()) && r.getExitCodeLong() != null) return r.getExitCodeLong().intValue();
            Thread.sleep(10); // Docker records the exit code just after the stream closes
        }
        return -1;
    }

    /**
     * Whether the container still runs. An exec killed (126, 137) before its own timeout was killed by the container's
     * exit, which Docker may record a moment after the exec ends: such a result waits up to {@code grace} for it.
     */
    private boolean running(Duration grace) {
        try {
            Awaitility.await().atMost(grace.plusMillis(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> !runningNow());
            return false;
        } catch (ConditionTimeoutException stillRunning) {
            return true;
        }
    }

    private boolean runningNow() {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getRunning());
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /**
     * Docker refuses an exec into a stopped container with "409 container is not running" (or, when it exits during the exec, with 126 or 137); what the user needs is
     * why it stopped: its exit code and its own output (e.g. the rendezvous server's usage error).
     */
    private LabStartException exited(RuntimeException e) {
        Long code = null;
        try {
            code = docker.inspectContainerCmd(containerId).exec().getState().getExitCodeLong();
        } catch (RuntimeException ignored) {
            // gone entirely: the output below still says what there is
        }
        String output = logs().strip();
        return new LabStartException("container " + name + " is not running" + (code == null ? "" : " (exit code " + code + ")")
            + (output.isEmpty() ? "; it printed nothing" : "; its output:\n" + output), e);
    }

    /** Runs a shell script with {@code sh -eu}; throws with the script's stderr when it fails. */
    public ExecResult script(String what, Duration timeout, String script) {
        ExecResult r = exec(timeout, "sh", "-euc", script);
        if (!r.ok())
            throw new LabStartException(what + " failed in " + name + " (exit " + r.exitCode() + "): "
                + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip() + "\n--- script ---\n" + script.strip());
        return r;
    }

    @Override
    public void spawn(String logFile, String... command) {
        String line = ShellScript.join(command) + " >" + ShellScript.quote(logFile) + " 2>&1 </dev/null &";
        ExecResult r = exec(Duration.ofSeconds(10), "sh", "-c", line);
        if (!r.ok()) throw new IllegalStateException("could not start " + String.join(" ", command) + " in " + name + ": " + r.stderr());
    }

    @Override
    public String readFile(String path) {
        ExecResult r = exec(Duration.ofSeconds(10), "cat", "--", path);
        return r.ok() ? r.stdout() : "";
    }

    @Override
    public boolean copyOut(String containerPath, Path hostFile) {
        try (InputStream raw = docker.copyArchiveFromContainerCmd(containerId, containerPath).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) continue;
                if (hostFile.getParent() != null) Files.createDirectories(hostFile.getParent());
                Files.copy(tar, hostFile, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            return false;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String logs() {
        Output out = new Output();
        try (Output cb = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withFollowStream(false).exec(out)) {
            cb.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            return out.stdout() + out.stderr() + "\n[natlab] could not read logs: " + e.getMessage();
        }
        return out.stdout() + out.stderr();
    }

    @Override
    public ExecStream stream(java.util.function.Consumer<String> lines, Runnable ended, String... command) {
        try {
            return DockerExecStream.open(docker, containerId, lines, ended, command);
        } catch (ConflictException e) {
            throw exited(e);
        }
    }

    @Override public String toString() { return name + " (" + role.name().toLowerCase() + ", " + ip + ")"; }

    /** Collects an exec/log stream, split into stdout and stderr. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final java.util.function.Consumer<String> onStderrLine;
        /** Where the next unreported stderr line starts. */
        private int reported;

        Output() { this(null); }
        Output(java.util.function.Consumer<String> onStderrLine) { this.onStderrLine = onStderrLine; }

        @Override public void onNext(Frame frame) {
            synchronized (this) {
                switch (frame.getStreamType()) {
                    case STDERR -> stderr.writeBytes(frame.getPayload());
                    default -> stdout.writeBytes(frame.getPayload());
                }
                if (onStderrLine != null && frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR) {
                    byte[] all = stderr.toByteArray();
                    for (int i = reported; i < all.length; i++) {
                        if (all[i] != '\n') continue;
                        onStderrLine.accept(new String(all, reported, i - reported, StandardCharsets.UTF_8));
                        reported = i + 1;
                    }
                }
            }
        }

        synchronized String stdout() { return stdout.toString(StandardCharsets.UTF_8); }
        synchronized String stderr() { return stderr.toString(StandardCharsets.UTF_8); }
    }
}
