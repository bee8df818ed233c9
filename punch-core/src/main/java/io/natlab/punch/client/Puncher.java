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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
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
    private static final long BUSY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final long INBOUND_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
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
    private final PunchSchedule schedule;

    private final CompletableFuture<PeerStream> kept = new CompletableFuture<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Set<PeerStream> candidates = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AttemptResults results = new AttemptResults();
    private final Semaphore inboundPermits = new Semaphore(MAX_INBOUND_HANDSHAKES);
    private volatile boolean stopping;

    Puncher(PunchConfig config, Message.Start start, InetSocketAddress localBind, PunchListener listener,
            Deadline deadline, long startNanos, long rttNanos) {
        this.config = config;
        this.start = start;
        this.localBind = localBind;
        this.listener = listener;
        this.deadline = deadline;
        this.startNanos = startNanos;
        this.schedule = new PunchSchedule(rttNanos, config.backoff());
        this.arbiter = new StreamArbiter<>(StreamArbiter.roleOf(config.id(), config.peer()));
        this.handshake = new Handshake(start.session(), config.id(), config.peer(), config.echoBytes(), arbiter);
    }

    int attempts() {
        return attempts.get();
    }

    /**
     * Where the public connect loop goes: the port the peer predicted for its next flow (its NAT is sequential
     * symmetric, see {@link PortPrediction}), else the endpoint the server saw.
     */
    static Endpoint publicTarget(Message.Start start) {
        Endpoint predicted = start.peer().predicted();
        return predicted != null ? predicted : start.peer().publicEndpoint();
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
            workers.execute(guarded(() -> connectLoop(publicTarget(start), Method.CONNECT)));
            if (sameLan(start)) {
                workers.execute(guarded(() -> connectLoop(start.peer().privateEndpoint(), Method.PRIVATE)));
            }
            PeerStream stream = kept.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            returned = stream;
            return new Punched(stream, (stream.agreedAtNanos - startNanos) / 1e6, attempts.get());
        } catch (TimeoutException e) {
            throw new PunchFailure("no authenticated stream to " + config.peer() + " within the deadline ("
                    + config.timeout().toMillis() + " ms run timeout; " + attempts.get() + " attempts: "
                    + results.summary() + ")");
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

    /** The schedule is in {@link PunchSchedule}; every retry uses a new socket bound to the shared port. */
    private void connectLoop(Endpoint target, Method method) {
        int failuresInARow = 0;
        int unansweredInARow = 0;
        int busyInARow = 0;
        while (!stopping && !deadline.passed()) {
            if (inboundHandshakeFrom(target)) {
                // Our listener holds this very 4-tuple: a connect could only fail "busy" until it resolves.
                LockSupport.parkNanos(INBOUND_WAIT_NANOS);
                continue;
            }
            int n = attempts.incrementAndGet();
            Socket socket = null;
            String result;
            try {
                socket = ReusableSockets.boundSocket(localBind);
                open.add(socket);
                socket.connect(target.toSocketAddress(), deadline.remainingMillis(PunchSchedule.REISSUE_UNANSWERED
                        ? schedule.reissueMillis(unansweredInARow + 1) : Integer.MAX_VALUE));
                results.count("connected");
                emit(new PunchEvent.Attempt(Instant.now(), n, target, "connected"));
                failuresInARow = 0;
                unansweredInARow = 0;
                busyInARow = 0;
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
                result = AttemptResults.classify(e);
            }
            if (socket != null) {
                open.remove(socket);
                ReusableSockets.closeAbortively(socket);
            }
            if (stopping) {
                return;
            }
            results.count(result);
            emit(new PunchEvent.Attempt(Instant.now(), n, target, result));
            long pause;
            if (result.equals("timeout")) {
                unansweredInARow++; // re-issue at once, with the next (longer) timeout
                pause = 0;
            } else if (result.equals("busy")) {
                // A half-open inbound stream in our listener holds the 4-tuple (it completes or expires by
                // itself): back off from 25 ms doubling to 400 ms instead of retrying hundreds of times.
                pause = BUSY_PAUSE_NANOS << Math.min(4, busyInARow++);
            } else {
                unansweredInARow = 0;
                pause = schedule.refusedPauseNanos(++failuresInARow, System.nanoTime() - startNanos);
            }
            LockSupport.parkNanos(Math.min(pause, Math.max(0, deadline.remainingNanos())));
        }
    }

    private boolean inboundHandshakeFrom(Endpoint target) {
        for (PeerStream s : candidates) {
            if (s.method == Method.ACCEPT && s.remote.equals(target)) {
                return true;
            }
        }
        return false;
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
                reject(socket, remote, "handshake failed: " + AttemptResults.describe(e));
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

    private void emit(PunchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A faulty tracer must not break the punch.
        }
    }
}
