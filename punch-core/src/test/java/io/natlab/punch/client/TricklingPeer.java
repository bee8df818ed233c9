package io.natlab.punch.client;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A hand-driven peer that plays the protocol correctly up to the echo, then sends its echo bytes one at a
 * time, slowly: every read on the other side gets a byte well within its socket timeout, yet the echo would
 * take hours. Its id must sort after the real client's, so the real client is the chooser.
 */
final class TricklingPeer implements AutoCloseable {
    private final Socket rendezvous = new Socket();
    private volatile Socket stream;

    /** Registers as {@code id}, asks for {@code peer}, connects to it and trickles; returns when closed. */
    void run(InetSocketAddress server, String id, String peer, long echoBytes, long pauseMillis) throws Exception {
        rendezvous.connect(server, 5000);
        FrameReader fromServer = new FrameReader(new BufferedInputStream(rendezvous.getInputStream()));
        send(rendezvous, new Message.Register(id, null,
                new Endpoint(rendezvous.getLocalAddress(), rendezvous.getLocalPort())));
        fromServer.read();
        send(rendezvous, new Message.Connect(peer));
        Message.Start start;
        do {
            Message m = fromServer.read();
            start = m instanceof Message.Start s ? s : null;
        } while (start == null);

        Socket stream = connectWhenListening(start.peer().publicEndpoint().toSocketAddress());
        this.stream = stream;
        stream.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(stream.getInputStream());
        FrameReader reader = new FrameReader(in);
        send(stream, new Message.Hello(start.session(), id, peer, echoBytes));
        reader.read(); // the client's HELLO
        reader.read(); // CHOSEN: the client chooses
        for (int i = 0; i < StreamCheck.PINGS; i++) {
            Message.Ping ping = (Message.Ping) reader.read();
            send(stream, new Message.Pong(ping.seq()));
        }
        for (int i = 1; i <= StreamCheck.PINGS; i++) {
            send(stream, new Message.Ping(i));
            reader.read();
        }
        Thread drain = new Thread(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // closed
            }
        });
        drain.setDaemon(true);
        drain.start();
        OutputStream out = stream.getOutputStream();
        EchoPattern pattern = new EchoPattern(start.session(), id, echoBytes);
        for (byte[] chunk = pattern.nextChunk(); chunk != null; chunk = pattern.nextChunk()) {
            for (byte b : chunk) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        }
    }

    /** The client's listener comes up a moment after START: retry refused connects for up to 5 s. */
    private static Socket connectWhenListening(InetSocketAddress target) throws Exception {
        long giveUp = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(target, 5000);
                return socket;
            } catch (IOException e) {
                socket.close();
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    private static void send(Socket socket, Message message) throws IOException {
        socket.getOutputStream().write(MessageCodec.encode(message));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        rendezvous.close();
        if (stream != null) {
            stream.close();
        }
    }
}
