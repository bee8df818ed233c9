package io.natlab.scenario.run.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.lab.ExecStream;
import io.natlab.lab.LabHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A peer container's long-lived client agent (punch-core's {@code punch agent}), held over ONE attached exec stream:
 * requests go in as JSON lines, events and results come back as JSON lines ({@link AgentReply}). Trials run on it one
 * after another with fresh sockets each; only the warm JVM carries over. Started on first use; when it dies, the
 * trials in flight fail saying so and the next trial starts a new one.
 */
public final class WarmPeer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WarmPeer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabHost host;
    private final List<String> command;
    private Agent agent;
    /** Agent starts so far (1 when it never died). */
    private int starts;

    public WarmPeer(LabHost host, List<String> command) {
        this.host = host;
        this.command = List.copyOf(command);
    }

    public String name() { return host.name(); }

    /** How many times its agent was started. */
    public synchronized int starts() { return starts; }

    /** Starts the agent when none runs and waits for its ready line; the problem when it does not come up, else null. */
    public String ensureReady(Duration max) {
        Agent a;
        synchronized (this) {
            if (agent == null || agent.ended) {
                starts++;
                try {
                    agent = new Agent();
                } catch (RuntimeException e) {
                    agent = null;
                    return "the warm agent on " + host.name() + " did not start: " + e.getMessage();
                }
            }
            a = agent;
        }
        try {
            a.ready.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (Exception e) {
            a.stream.close();
            return "the warm agent on " + host.name() + " was not ready within " + max.toMillis() + " ms"
                + tail(a.stream.stderrTail());
        }
    }

    /**
     * Runs one client on the agent. {@code args} are the client's options, {@code env} the peer contract's variables
     * for the same trial (an agent uses whichever it reads); after {@code limit} without a result it is stopped and
     * fails.
     */
    public ClientProcess start(String id, List<String> args, Map<String, String> env, String commandText,
                               Duration limit, Duration readyWithin) {
        WarmClient c = new WarmClient(id, commandText, this::stop);
        String problem = ensureReady(readyWithin);
        if (problem != null) {
            c.fail(problem);
            return c;
        }
        Agent a;
        synchronized (this) {
            a = agent;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("trial", id);
        request.put("args", args);
        request.put("env", env);
        a.runs.put(id, c);
        if (a.ended || !a.stream.send(json(request))) {
            a.runs.remove(id);
            c.fail("the warm agent on " + host.name() + " ended before the trial started" + tail(a.stream.stderrTail()));
            return c;
        }
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (c.done().isDone()) return;
            stop(id);
            a.runs.remove(id);
            c.fail("no result from the warm agent on " + host.name() + " within " + limit.toMillis() + " ms");
        });
        return c;
    }

    /** Asks the agent to stop a trial now; its result (failed, stopped) comes back as usual. */
    void stop(String id) {
        Agent a;
        synchronized (this) {
            a = agent;
        }
        if (a != null && !a.ended) a.stream.send(json(Map.of("stop", id)));
    }

    @Override public synchronized void close() {
        if (agent != null) agent.stream.close();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write an agent request", e);
        }
    }

    private static String tail(String stderr) { return stderr.isBlank() ? "" : "; its last output: " + stderr; }

    /** One started agent process and the trials sent to it. */
    private final class Agent {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final Map<String, WarmClient> runs = new ConcurrentHashMap<>();
        final ExecStream stream;
        volatile boolean ended;

        Agent() {
            stream = host.stream(this::onLine, this::onEnded, command.toArray(String[]::new));
        }

        private void onLine(String line) {
            AgentReply r = AgentReply.parse(line);
            switch (r.kind()) {
                case READY -> ready.complete(null);
                case EVENT -> {
                    WarmClient c = runs.get(r.trial());
                    if (c != null) c.event(r.text());
                }
                case RESULT -> {
                    WarmClient c = runs.remove(r.trial());
                    if (c != null) c.finish(r.exit(), r.stdout());
                }
                case ERROR -> log.warn("warm agent on {} refused a request: {}", host.name(), r.text());
                case OTHER -> log.debug("warm agent on {}: {}", host.name(), line);
            }
        }

        private void onEnded() {
            ended = true;
            String why = "the warm agent on " + host.name() + " ended mid-trial" + tail(stream == null ? "" : stream.stderrTail());
            ready.completeExceptionally(new IllegalStateException(why));
            for (WarmClient c : List.copyOf(runs.values())) c.fail(why);
            runs.clear();
        }
    }
}
