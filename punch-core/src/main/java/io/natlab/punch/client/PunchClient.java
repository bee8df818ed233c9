package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.PunchEvent;
import io.natlab.punch.PunchListener;
import io.natlab.punch.PunchResult;
import io.natlab.punch.protocol.Message;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * TCP hole punching client. {@link #punch()} binds one local port (SO_REUSEADDR + SO_REUSEPORT), registers
 * with the rendezvous server from it, waits for the start instruction, punches from the same port
 * ({@link Puncher}), checks the kept stream ({@link StreamCheck}), holds it when asked ({@link HeldStream})
 * and returns a {@link PunchResult}.
 * Network failures never throw: they come back as a failed result with an error. One instance, one run.
 */
public final class PunchClient {
    /** Runs in progress by the thread running them, so {@link #stop} can end one at once (the warm agent's stop). */
    private static final java.util.Map<Thread, DeadlineWatchdog> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();
    private final PunchConfig config;
    private final PunchListener listener;
    private volatile UnaryOperator<byte[]> outgoingTap;
    private volatile HeldStream held;

    public PunchClient(PunchConfig config, PunchListener listener) {
        this.config = config;
        this.listener = listener == null ? PunchListener.NONE : listener;
    }

    public PunchResult punch() {
        // The deadline is hard and end to end: it starts before the warm-up and closes every socket when it
        // passes (see DeadlineWatchdog), whatever phase the run is in.
        Deadline deadline = Deadline.after(config.timeout());
        Warmup.run();
        InetSocketAddress localBind = config.localAddress() == null
                ? new InetSocketAddress(config.localPort())
                : new InetSocketAddress(config.localAddress(), config.localPort());
        Endpoint local = null;
        Endpoint remote = null;
        Long startNanos = null;
        RendezvousSession rendezvous = null;
        PeerStream kept = null;
        int attempts = 0;
        Puncher puncher = null;
        String phase = "rendezvous";
        DeadlineWatchdog watchdog = new DeadlineWatchdog(deadline);
        RUNNING.put(Thread.currentThread(), watchdog);
        if (Thread.currentThread().isInterrupted()) {
            watchdog.fireNow(); // stopped before it registered here
        }
        try {
            rendezvous = watchdog.guard(RendezvousSession.connect(localBind, config.server(), deadline));
            // With port 0 the OS picked one: every later socket must share that exact port.
            localBind = new InetSocketAddress(localBind.getAddress(), rendezvous.localSocketAddress().getPort());
            local = rendezvous.localEndpoint();
            Message.Registered registered = rendezvous.register(config.id(), config.token(), local, deadline);
            emit(new PunchEvent.Registered(Instant.now(), registered.publicEndpoint(), local));

            Endpoint predicted = null;
            if (registered.probePort() != 0) {
                predicted = PortPrediction.predict(registered.publicEndpoint(), PortPrediction.probe(localBind,
                        rendezvous.serverAddress(), registered.probePort(), rendezvous.rttNanos(), deadline));
            }
            Message.Start start = rendezvous.awaitStart(config.peer(), predicted, deadline);
            startNanos = System.nanoTime();
            remote = start.peer().publicEndpoint();
            emit(new PunchEvent.Instructed(Instant.now(), start.peer().id(), start.peer().publicEndpoint(),
                    start.peer().privateEndpoint(), start.session(), Puncher.sameLan(start)));
            rendezvous.startKeepAlive();

            phase = "punch";
            puncher = new Puncher(config, start, localBind, listener, deadline, startNanos, rendezvous.rttNanos());
            Puncher.Punched punched = puncher.run();
            kept = punched.stream();
            watchdog.guard(kept.socket);
            phase = "stream check";
            attempts = punched.attempts();
            local = kept.local;
            remote = kept.remote;
            emit(new PunchEvent.Established(Instant.now(), kept.method, kept.local, kept.remote, punched.elapsedMs()));

            boolean chooser = StreamArbiter.roleOf(config.id(), config.peer()) == StreamArbiter.Role.CHOOSER;
            StreamCheck.Verified verified = StreamCheck.run(kept, chooser, start.session(), config.id(),
                    config.peer(), config.echoBytes(), deadline, !config.hold().enabled());
            PunchResult direct = PunchResult.direct(kept.method, kept.local, kept.remote, round(punched.elapsedMs()),
                    attempts, round(verified.rttMs()), verified.bytesVerified());
            if (config.hold().enabled()) {
                watchdog.close(); // the punch's deadline is met; the hold bounds itself
                HeldStream hold = new HeldStream(config, listener, kept, rendezvous, outgoingTap);
                held = hold;
                direct = direct.withStream(hold.run());
            }
            return direct;
        } catch (PunchFailure e) {
            String error = watchdog.fired() ? deadlineMessage(phase, e) : e.getMessage();
            emit(new PunchEvent.Failed(Instant.now(), error));
            Double elapsed = startNanos == null ? null : round((System.nanoTime() - startNanos) / 1e6);
            return PunchResult.failed(error, local, remote, elapsed,
                    puncher == null ? attempts : puncher.attempts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emit(new PunchEvent.Failed(Instant.now(), "interrupted"));
            return PunchResult.failed("interrupted", local, remote, null,
                    puncher == null ? attempts : puncher.attempts());
        } finally {
            RUNNING.remove(Thread.currentThread(), watchdog);
            watchdog.close();
            if (kept != null) {
                kept.closeAbortively();
            }
            if (rendezvous != null) {
                rendezvous.close();
            }
        }
    }

    /**
     * Ends the punch running on {@code thread} now, as if its deadline had passed: every socket it holds is closed
     * and the thread is interrupted (the punch phase waits interruptibly), so it returns a failed result at once.
     */
    public static void stop(Thread thread) {
        DeadlineWatchdog watchdog = RUNNING.get(thread);
        if (watchdog != null) {
            watchdog.fireNow();
        }
        thread.interrupt();
    }

    /**
     * The message when the watchdog ended the run: the phase's own message when it already names the deadline
     * (the punch, the rendezvous waits), else the phase and the deadline, keeping the phase's prefix.
     */
    private String deadlineMessage(String phase, PunchFailure e) {
        String message = e.getMessage();
        if (message.contains("deadline")) {
            return message;
        }
        String prefix = phase.equals("stream check") ? "stream check failed after the punch: " : "timeout: ";
        int waiting = message.indexOf(" while waiting for ");
        String what = waiting >= 0 ? message.substring(waiting) : " during the " + phase;
        return prefix + "the " + config.timeout().toMillis() + " ms deadline passed" + what;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }

    private void emit(PunchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A faulty tracer must not break the punch.
        }
    }

    /** The held stream once the hold began (see {@link HoldConfig}); empty before, or without a hold. */
    public Optional<HeldStream> heldStream() {
        return Optional.ofNullable(held);
    }

    /** Test hook: every heartbeat frame passes through {@code tap} before it is written (to inject corruption). */
    PunchClient withOutgoingHeartbeatTap(UnaryOperator<byte[]> tap) {
        this.outgoingTap = tap;
        return this;
    }

    /** Convenience for callers that have a host name and port. */
    public static InetSocketAddress serverAddress(String host, int port) {
        return InetSocketAddress.createUnresolved(host, port);
    }
}
