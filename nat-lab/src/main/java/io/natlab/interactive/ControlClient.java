package io.natlab.interactive;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Sends one request to the {@code up} process and relays its answer line by line. */
public final class ControlClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlClient() {}

    /** @return the exit code the {@code up} process answered; IOException when it cannot be reached or hung up */
    public static int request(Path socket, Map<String, String> request, PrintWriter out) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            OutputStream os = Channels.newOutputStream(c);
            os.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            os.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(ControlServer.EXIT)) return Integer.parseInt(line.substring(ControlServer.EXIT.length()).trim());
                out.println(line);
                out.flush();
            }
            throw new IOException("the lab's 'nat-lab up' process hung up without an answer");
        }
    }
}
