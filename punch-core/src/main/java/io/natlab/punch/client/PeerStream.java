package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.Method;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One candidate stream to the peer (from our connect or our listener) with frame I/O on it. */
final class PeerStream {
    final Socket socket;
    final Method method;
    final Endpoint local;
    final Endpoint remote;
    private final FrameReader reader;
    private final OutputStream out;
    /** Echo bytes the peer announced in its HELLO. */
    volatile long peerEchoBytes;
    /** When both sides agreed on this stream (System.nanoTime), 0 until then. */
    volatile long agreedAtNanos;

    PeerStream(Socket socket, Method method) throws IOException {
        this.socket = socket;
        this.method = method;
        this.local = new Endpoint(socket.getLocalAddress(), socket.getLocalPort());
        this.remote = new Endpoint(socket.getInetAddress(), socket.getPort());
        socket.setTcpNoDelay(true);
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.out = socket.getOutputStream();
    }

    void send(Message message) throws IOException {
        out.write(MessageCodec.encode(message));
        out.flush();
    }

    Message read(Deadline deadline) throws IOException, ProtocolException {
        socket.setSoTimeout(deadline.remainingMillis(Integer.MAX_VALUE));
        return reader.read();
    }

    /** Raw bytes after the frames (the echo payload); shares the frame reader's buffer. */
    InputStream rawIn() {
        return reader.stream();
    }

    OutputStream rawOut() {
        return out;
    }

    void closeAbortively() {
        ReusableSockets.closeAbortively(socket);
    }

    @Override
    public String toString() {
        return method.wireName() + " " + local + "->" + remote;
    }
}
