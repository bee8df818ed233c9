package io.natlab.interactive;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code up} process's control socket (a Unix socket in the state directory, reachable by its owner only).
 * A request is one JSON object on one line; the answer is text lines, the last one {@code #exit N}. Requests are
 * served one at a time: a lab runs one trial at a time.
 */
public final class ControlServer implements AutoCloseable {
    /** The last line of every answer: {@code #exit N}. */
    static final String EXIT = "#exit ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Serves one request; prints the answer to {@code out}; returns the exit code for the client. */
    public interface Handler {
        int handle(Map<String, String> request, PrintWriter out);

        /** After the answer's last line was sent (a {@code down} ends the process only then). */
        default void answered(Map<String, String> request) {}
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread thread;

    public ControlServer(Path socket, Handler handler) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> serve(handler), "natlab-control");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(Handler handler) {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(c), StandardCharsets.UTF_8), true)) {
                String line = in.readLine();
                int code;
                Map<String, String> request = Map.of();
                try {
                    if (line != null) request = JSON.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
                    code = handler.handle(request, out);
                } catch (IOException | RuntimeException e) {
                    out.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    code = 1;
                }
                out.println(EXIT + code);
                out.flush();
                handler.answered(request);
            } catch (IOException e) {
                if (!server.isOpen()) return; // closed: the lab is going down
            }
        }
    }

    @Override public void close() {
        try { server.close(); } catch (IOException ignored) { /* closing */ }
        try { Files.deleteIfExists(socket); } catch (IOException ignored) { /* best effort */ }
    }
}
