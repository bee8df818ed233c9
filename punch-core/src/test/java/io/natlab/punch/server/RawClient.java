package io.natlab.punch.server;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-driven protocol client for server tests: sends raw bytes or messages, reads frames. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    private final FrameReader reader;

    RawClient(InetSocketAddress server) throws IOException {
        this(server, null);
    }

    /** Connects from {@code local} (e.g. 127.0.0.7, any loopback address works on Linux), or the default. */
    RawClient(InetSocketAddress server, java.net.InetAddress local) throws IOException {
        socket = new Socket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, 0));
        }
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        reader = new FrameReader(new BufferedInputStream(socket.getInputStream()));
    }

    Endpoint local() {
        return new Endpoint(socket.getLocalAddress(), socket.getLocalPort());
    }

    RawClient send(Message m) throws IOException {
        socket.getOutputStream().write(MessageCodec.encode(m));
        return this;
    }

    RawClient sendRaw(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    RawClient sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        return this;
    }

    Message read() throws Exception {
        return reader.read();
    }

    RawClient register(String id) throws Exception {
        return register(id, null);
    }

    RawClient register(String id, String token) throws Exception {
        send(new Message.Register(id, token, local()));
        Message reply = read();
        if (!(reply instanceof Message.Registered)) {
            throw new AssertionError("expected REGISTERED, got " + reply);
        }
        return this;
    }

    /** True once the server closed its side (EOF or reset). */
    boolean closedByServer() {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
