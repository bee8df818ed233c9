package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.Method;
import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchListener;
import io.natlab.punch.Strategy;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.ProtocolException;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The punch itself, after the start instruction: on the shared local port, a listener (listen-connect only)
 * and one connect loop per target endpoint run at once until one authenticated stream is agreed on or the
 * deadline passes. Uses a handful of threads for one run (acceptor, up to two connectors, a bounded number
 * of handshakes) and closes every other socket abortively when it ends.
 */
final class Puncher {
    /** A connect stuck this long starts over on a new socket (covers the kernel's SYN retries at 1 s and 3 s). */
    private static final int CONNECT_ATTEMPT_MILLIS = 3_000;
    private static final long BUSY_PAUSE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(25);
    /** Inbound streams handshaking at once; more are closed at once (strays cannot tie us up). */
    private static final int MAX_INBOUND_HANDSHAKES = 8;

    record Punched(PeerStream stream, double elapsedMs, int attempts) {
    }

    private final PunchConfig config;
    private final Message.Start start;
    private final InetSocketAddress localBind;
    private final PunchListener listener;
    private final Deadline deadline;
    private final long startNanos;
    private final Handshake handshake;
    private final StreamArbiter<PeerStream> arbiter;

    private final CompletableFuture<PeerStream> kept = new CompletableFuture<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Set<PeerStream> candidates = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
    private final Semaphore inboundPermits = new Semaphore(MAX_INBOUND_HANDSHAKES);
    private volatile boolean stopping;

    Puncher(PunchConfig config, Message.Start start, InetSocketAddress localBind, PunchListener listener,
            Deadline deadline, long startNanos) {
        this.config = config;
        this.start = start;
        this.localBind = localBind;
        this.listener = listener;
        this.deadline = deadline;
        this.startNanos = startNanos;
        this.arbiter = new StreamArbiter<>(StreamArbiter.roleOf(config.id(), config.peer()));
        this.handshake = new Handshake(start.session(), config.id(), config.peer(), config.echoBytes(), arbiter);
    }

    int attempts() {
        return attempts.get();
    }

    /** Whether the peer's private endpoint is tried: both sides are behind the same public address. */
    static boolean sameLan(Message.Start start) {
        return start.self().publicEndpoint().address().equals(start.peer().publicEndpoint().address())
                && !start.peer().privateEndpoint().equals(start.peer().publicEndpoint());
    }

    Punched run() throws PunchFailure, InterruptedException {
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "punch-" + config.id());
            t.setDaemon(true);
            return t;
        });
        PeerStream returned = null;
        try {
            if (config.strategy() == Strategy.LISTEN_CONNECT) {
                ServerSocket serverSocket;
                try {
                    serverSocket = ReusableSockets.listener(localBind);
                } catch (IOException e) {
                    throw new PunchFailure("cannot listen on " + localBind + ": " + e.getMessage(), e);
                }
                open.add(serverSocket);
                workers.execute(guarded(() -> acceptLoop(serverSocket, workers)));
            }
            workers.execute(guarded(() -> connectLoop(start.peer().publicEndpoint(), Method.CONNECT)));
            if (sameLan(start)) {
                workers.execute(guarded(() -> connectLoop(start.peer().privateEndpoint(), Method.PRIVATE)));
            }
            PeerStream stream = kept.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            returned = stream;
            return new Punched(stream, (stream.agreedAtNanos - startNanos) / 1e6, attempts.get());
        } catch (TimeoutException e) {
            throw new PunchFailure("no authenticated stream to " + config.peer() + " within the deadline ("
                    + config.timeout().toMillis() + " ms run timeout; " + attempts.get() + " attempts: "
                    + summary() + ")");
        } catch (ExecutionException e) {
            throw new PunchFailure("punch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            stopping = true;
            // Only a stream handed to the caller stays open (one kept just after the deadline is closed too).
            for (Closeable c : open) {
                if (c instanceof Socket s && returned != null && s == returned.socket) {
                    continue;
                }
                if (c instanceof Socket s) {
                    ReusableSockets.closeAbortively(s);
                } else {
                    ReusableSockets.closeQuietly(c);
                }
            }
            workers.shutdownNow();
        }
    }

    /** A bug in a worker fails the run at once with its message instead of silently waiting for the deadline. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                kept.completeExceptionally(e);
            }
        };
    }

    private void acceptLoop(ServerSocket serverSocket, ExecutorService workers) {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed when the run ends
            }
            open.add(socket);
            Endpoint remote = new Endpoint(socket.getInetAddress(), socket.getPort());
            emit(new PunchEvent.Accepted(Instant.now(), remote));
            if (stopping || !inboundPermits.tryAcquire()) {
                reject(socket, remote, "too many inbound handshakes");
                continue;
            }
            workers.execute(() -> {
                try {
                    runHandshake(socket, Method.ACCEPT);
                } finally {
                    inboundPermits.release();
                }
            });
        }
    }

    private void connectLoop(Endpoint target, Method method) {
        int failuresInARow = 0;
        while (!stopping && !deadline.passed()) {
            int n = attempts.incrementAndGet();
            Socket socket = null;
            String result;
            try {
                socket = ReusableSockets.boundSocket(localBind);
                open.add(socket);
                socket.connect(target.toSocketAddress(), deadline.remainingMillis(CONNECT_ATTEMPT_MILLIS));
                count("connected");
                emit(new PunchEvent.Attempt(Instant.now(), n, target, "connected"));
                failuresInARow = 0;
                if (runHandshake(socket, method)) {
                    return;
                }
                // Authenticated but not kept, or a stray: try again (after a pause) until a stream is kept.
                LockSupport.parkNanos(Math.min(config.backoff().delayNanos(++failuresInARow),
                        Math.max(0, deadline.remainingNanos())));
                continue;
            } catch (SocketTimeoutException e) {
                result = "timeout";
            } catch (IOException e) {
                result = classify(e);
            }
            if (socket != null) {
                open.remove(socket);
                ReusableSockets.closeAbortively(socket);
            }
            if (stopping) {
                return;
            }
            count(result);
            emit(new PunchEvent.Attempt(Instant.now(), n, target, result));
            if (!result.equals("timeout")) {
                long pause = config.backoff().delayNanos(++failuresInARow);
                if (result.equals("busy")) {
                    // Our own listener holds the 4-tuple (an accepted or half-open stream): retrying at the
                    // RST pace cannot free it and only burns CPU, so wait longer.
                    pause = Math.max(pause, BUSY_PAUSE_NANOS);
                }
                LockSupport.parkNanos(Math.min(pause, Math.max(0, deadline.remainingNanos())));
            }
        }
    }

    /** Runs the handshake on a new stream; true when this stream is the one kept. */
    private boolean runHandshake(Socket socket, Method method) {
        Endpoint remote = new Endpoint(socket.getInetAddress(), socket.getPort());
        PeerStream stream;
        try {
            stream = new PeerStream(socket, method);
        } catch (IOException e) {
            reject(socket, remote, "broken before handshake: " + e.getMessage());
            return false;
        }
        candidates.add(stream);
        try {
            if (handshake.run(stream, deadline) == Handshake.Outcome.KEPT) {
                kept.complete(stream);
                return true;
            }
            reject(socket, remote, "duplicate: another stream was kept");
        } catch (Handshake.StrayException e) {
            reject(socket, remote, "stray: " + e.getMessage());
        } catch (ProtocolException e) {
            reject(socket, remote, "stray: " + e.getMessage());
        } catch (IOException e) {
            if (!stopping) {
                reject(socket, remote, "handshake failed: " + describe(e));
            } else {
                ReusableSockets.closeAbortively(socket);
            }
        } finally {
            candidates.remove(stream);
        }
        return false;
    }

    private void reject(Socket socket, Endpoint remote, String reason) {
        open.remove(socket);
        ReusableSockets.closeAbortively(socket);
        emit(new PunchEvent.Rejected(Instant.now(), remote, reason));
    }

    /** Maps connect errors to short result names; ICMP port unreachable also reads "Connection refused". */
    static String classify(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException && message.contains("refused")) {
            return "refused";
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return "unreachable";
        }
        if (e instanceof BindException || message.contains("Cannot assign requested address")
                || message.contains("Address already in use")) {
            return "busy"; // the 4-tuple is taken, usually by a stream our listener already accepted
        }
        return "error: " + describe(e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void count(String result) {
        String key = result.startsWith("error") ? "error" : result;
        results.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private String summary() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        results.forEach((k, v) -> copy.put(k, v.get()));
        return copy.isEmpty() ? "none completed" : copy.toString().replaceAll("[{}]", "");
    }

    private void emit(PunchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A faulty tracer must not break the punch.
        }
    }
}
