package io.natlab.scenario.run.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.lab.ExecResult;
import io.natlab.scenario.ProcessMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One trial's client on a {@link WarmPeer}'s agent. Its event lines arrive live (so its registration is seen the
 * moment it happens); its result becomes an {@link ExecResult} like a fresh client's: exit status, the JSON result
 * as stdout, the event log as stderr.
 */
final class WarmClient implements ClientProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String command;
    private final Consumer<String> stopper;
    private final Instant launched = Instant.now();
    private final long t0 = System.nanoTime();
    private final StringBuilder events = new StringBuilder();
    private final CompletableFuture<Void> registered = new CompletableFuture<>();
    private final CompletableFuture<ExecResult> done = new CompletableFuture<>();
    private volatile Instant ended;

    WarmClient(String id, String command, Consumer<String> stopper) {
        this.id = id;
        this.command = command;
        this.stopper = stopper;
    }

    String id() { return id; }

    void event(String line) {
        synchronized (events) {
            events.append(line).append('\n');
        }
        String[] parts = line.strip().split(" ", 3);
        if (parts.length >= 2 && parts[1].equals("registered")) registered.complete(null);
    }

    /** Its end as the agent reported it. */
    void finish(int exit, String stdout) {
        if (done.isDone()) return;
        ended = Instant.now();
        String log;
        synchronized (events) {
            log = events.toString();
        }
        done.complete(new ExecResult(exit, stdout, log, Duration.ofNanos(System.nanoTime() - t0)));
    }

    /** Its end when the agent could not report one: a failed result in the client's JSON shape, saying why. */
    void fail(String why) {
        String json;
        try {
            json = JSON.writeValueAsString(Map.of("outcome", "failed", "attempts", 0, "bytesVerified", 0, "error", why));
        } catch (Exception e) {
            json = "";
        }
        finish(-1, json);
    }

    @Override public ProcessMode mode() { return ProcessMode.WARM; }
    @Override public String command() { return command; }
    @Override public Instant launched() { return launched; }
    @Override public Instant ended() { return ended; }
    @Override public CompletableFuture<ExecResult> done() { return done; }

    @Override
    public boolean awaitRegistered(Duration max) {
        try {
            CompletableFuture.anyOf(registered, done).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
        return registered.isDone();
    }

    @Override public void stop() { if (!done.isDone()) stopper.accept(id); }
}
