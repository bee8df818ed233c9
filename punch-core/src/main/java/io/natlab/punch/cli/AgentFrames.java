package io.natlab.punch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * The agent's replies, one JSON object per line (written whole, never interleaved):
 * <pre>
 * {"agent":"ready","version":"..."}                          once, at start
 * {"trial":"t1","event":"2026-01-01T00:00:00Z registered ..."}  each client event line, as it happens
 * {"trial":"t1","exit":0,"result":{...client JSON...}}        its end (or "stdout":"..." when that was no JSON)
 * {"trial":"t1","exit":1,"stopped":true,"result":{...}}        a stopped trial, reported at once
 * {"error":"request line 3: ..."}                            a request that could not run
 * </pre>
 */
final class AgentFrames {
    /** The result a stopped trial reports, in the client's own JSON shape. */
    static final String STOPPED = "stopped on request";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;

    AgentFrames(PrintWriter out) {
        this.out = out;
    }

    void ready() {
        ObjectNode n = JSON.createObjectNode().put("agent", "ready");
        n.put("version", new PunchCli.Version().getVersion()[0]);
        write(n);
    }

    void error(String message) {
        write(JSON.createObjectNode().put("error", message));
    }

    void event(String trial, String line) {
        write(JSON.createObjectNode().put("trial", trial).put("event", line));
    }

    /** The trial's end: its exit status and what the client printed on stdout (its JSON result). */
    void result(String trial, int exit, String stdout, boolean stopped) {
        ObjectNode n = JSON.createObjectNode().put("trial", trial).put("exit", exit);
        if (stopped) {
            n.put("stopped", true);
            n.set("result", JSON.createObjectNode().put("outcome", "failed").put("attempts", 0)
                    .put("bytesVerified", 0).put("error", STOPPED));
        } else {
            JsonNode parsed = lastJsonObject(stdout);
            if (parsed != null) {
                n.set("result", parsed);
            } else if (!stdout.isBlank()) {
                n.put("stdout", stdout);
            }
        }
        write(n);
    }

    private static JsonNode lastJsonObject(String stdout) {
        String[] lines = stdout.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        if (!last.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(last);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void write(ObjectNode frame) {
        String line;
        try {
            line = JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an agent frame", e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A writer that hands each complete line to a consumer (the client's event log, as it is written). */
    static final class LineWriter extends Writer {
        private final Consumer<String> lines;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    pending.append(c);
                }
            }
        }

        private void emit() {
            String line = pending.toString();
            pending.setLength(0);
            lines.accept(line);
        }

        @Override
        public synchronized void flush() {
        }

        @Override
        public synchronized void close() {
            if (pending.length() > 0) {
                emit();
            }
        }
    }
}
