package io.natlab.punch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.punch.client.PunchClient;
import io.natlab.punch.protocol.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;

/**
 * A warm punch peer: one long-lived JVM that runs punch after punch on request, so a harness pays the JVM start
 * once instead of per trial. Each request is one JSON line on stdin; every reply is one JSON line on stdout
 * ({@link AgentFrames}). A trial runs the very {@code client} command in-process (a new command line each time,
 * fresh sockets each time): every client option works here unchanged.
 * <pre>
 * {"trial":"t1","args":["--server","10.0.0.2:7000","--id","a","--peer","b"]}   run a client
 * {"stop":"t1"}                                                                 stop it now
 * </pre>
 * End of stdin stops every running trial and ends the agent (exit 0).
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run client punches on request: one JSON request per line on stdin "
                + "({\"trial\":ID,\"args\":[client options...]} or {\"stop\":ID}), one JSON reply per line on stdout "
                + "(events as they happen, then each trial's result). Ends at end of input.")
final class AgentCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AgentTrial> running = new ConcurrentHashMap<>();
    private AgentFrames frames;

    @Override
    public Integer call() throws IOException {
        // Only frames may reach stdout: anything else printing there would corrupt the channel.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    new PrintWriter(stdout, false, StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    /** Serves requests from {@code in} until its end; replies go to {@code out}. */
    int serve(BufferedReader in, PrintWriter out) throws IOException {
        frames = new AgentFrames(out);
        frames.ready();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String problem = handle(line);
            if (problem != null) {
                frames.error("request line " + lineNo + ": " + problem);
            }
        }
        for (AgentTrial t : List.copyOf(running.values())) {
            t.stop();
        }
        return 0;
    }

    /** Runs one request; returns what is wrong with it, or null. */
    private String handle(String line) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "not JSON (" + e.getOriginalMessage() + ")";
        }
        if (request == null || !request.isObject()) {
            return "expected a JSON object";
        }
        if (request.has("stop")) {
            String id = request.get("stop").asText();
            AgentTrial t = running.get(id);
            if (t != null) {
                t.stop();
            }
            return null; // a trial that already ended has nothing to stop
        }
        JsonNode id = request.get("trial");
        if (id == null || !id.isTextual() || !Protocol.isValidId(id.asText())) {
            return "'trial' must be an id of 1-64 characters of A-Z a-z 0-9 . _ -";
        }
        JsonNode args = request.get("args");
        if (args == null || !args.isArray()) {
            return "'args' must be a list of the client's arguments";
        }
        List<String> argv = new ArrayList<>(List.of("client"));
        for (JsonNode a : args) {
            if (!a.isTextual()) {
                return "'args' must hold strings only";
            }
            argv.add(a.asText());
        }
        AgentTrial trial = new AgentTrial(id.asText(), argv, frames, () -> running.remove(id.asText()));
        if (running.putIfAbsent(id.asText(), trial) != null) {
            return "trial '" + id.asText() + "' is already running";
        }
        trial.start();
        return null;
    }

    /** One client run on its own thread; reported exactly once, by its end or by a stop, whichever comes first. */
    static final class AgentTrial {
        private final String id;
        private final List<String> argv;
        private final AgentFrames frames;
        private final Runnable onEnd;
        private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread thread;

        AgentTrial(String id, List<String> argv, AgentFrames frames, Runnable onEnd) {
            this.id = id;
            this.argv = argv;
            this.frames = frames;
            this.onEnd = onEnd;
            this.thread = new Thread(this::run, "agent-trial-" + id);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            java.io.StringWriter result = new java.io.StringWriter();
            PrintWriter err = new PrintWriter(new AgentFrames.LineWriter(l -> {
                if (!reported.get()) {
                    frames.event(id, l);
                }
            }), true);
            int exit = PunchCli.execute(argv.toArray(String[]::new), new PrintWriter(result, true), err);
            err.close();
            if (reported.compareAndSet(false, true)) {
                onEnd.run();
                frames.result(id, exit, result.toString(), false);
            }
        }

        /** Reports the trial as stopped at once and ends its punch (sockets closed, thread interrupted). */
        void stop() {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            onEnd.run();
            PunchClient.stop(thread);
            frames.result(id, PunchCli.EXIT_FAILED, "", true);
        }
    }
}
