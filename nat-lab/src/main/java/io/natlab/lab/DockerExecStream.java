package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One attached Docker exec with stdin open (execCreate with attachStdin, execStart with a stdin stream): the
 * channel to a warm peer's agent. Stdout is split into lines as frames arrive; stderr keeps its last lines.
 */
final class DockerExecStream implements ExecStream {
    private static final int STDERR_LINES = 20;

    private final StdinFeed stdin = new StdinFeed();
    private final Consumer<String> lines;
    private final Runnable ended;
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final ByteArrayOutputStream stderrPartial = new ByteArrayOutputStream();
    private volatile ResultCallback.Adapter<Frame> callback;

    private DockerExecStream(Consumer<String> lines, Runnable ended) {
        this.lines = lines;
        this.ended = ended;
    }

    static DockerExecStream open(DockerClient docker, String containerId, Consumer<String> lines, Runnable ended,
                                 String... command) {
        DockerExecStream s = new DockerExecStream(lines, ended);
        ExecCreateCmdResponse created = docker.execCreateCmd(containerId).withAttachStdin(true)
            .withAttachStdout(true).withAttachStderr(true).withCmd(command).exec();
        s.callback = docker.execStartCmd(created.getId()).withStdIn(s.stdin).exec(s.new Output());
        return s;
    }

    @Override public boolean send(String line) {
        if (!alive.get()) return false;
        stdin.feed((line + "\n").getBytes(StandardCharsets.UTF_8));
        return true;
    }

    @Override public boolean alive() { return alive.get(); }

    @Override public synchronized String stderrTail() {
        String rest = stderrPartial.toString(StandardCharsets.UTF_8);
        return (String.join("\n", stderr) + (rest.isEmpty() ? "" : "\n" + rest)).strip();
    }

    @Override public void close() {
        stdin.close();
        ResultCallback.Adapter<Frame> cb = callback;
        try {
            if (cb != null) cb.close();
        } catch (IOException ignored) {
            // the stream is gone either way
        }
        end();
    }

    private void end() {
        if (alive.compareAndSet(true, false)) ended.run();
    }

    private synchronized void stdout(byte[] payload) {
        for (byte b : payload) {
            if (b == '\n') {
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                lines.accept(line);
            } else {
                partial.write(b);
            }
        }
    }

    private synchronized void stderr(byte[] payload) {
        for (byte b : payload) {
            if (b == '\n') {
                stderr.addLast(stderrPartial.toString(StandardCharsets.UTF_8));
                stderrPartial.reset();
                if (stderr.size() > STDERR_LINES) stderr.removeFirst();
            } else {
                stderrPartial.write(b);
            }
        }
    }

    private final class Output extends ResultCallback.Adapter<Frame> {
        @Override public void onNext(Frame frame) {
            switch (frame.getStreamType()) {
                case STDERR -> stderr(frame.getPayload());
                default -> stdout(frame.getPayload());
            }
        }

        @Override public void onError(Throwable t) {
            synchronized (DockerExecStream.this) {
                stderr.addLast("[natlab] exec stream broke: " + t);
            }
            super.onError(t);
            end();
        }

        @Override public void onComplete() {
            super.onComplete();
            end();
        }
    }

    /** The exec's stdin: blocks until a line is fed, ends when closed (Piped streams break when a writer thread dies). */
    private static final class StdinFeed extends InputStream {
        private static final byte[] EOF = new byte[0];
        private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private volatile boolean closed;

        void feed(byte[] bytes) {
            if (!closed) queue.add(bytes);
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (pos >= current.length) {
                if (current == EOF) return -1;
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override public void close() {
            if (closed) return;
            closed = true;
            queue.add(EOF);
        }
    }
}
