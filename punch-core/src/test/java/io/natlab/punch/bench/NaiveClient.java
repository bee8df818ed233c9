package io.natlab.punch.bench;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: how simple code punches. Same rendezvous server and start instruction, then a listener plus
 * a sequential connect loop that sleeps 1 s after every failure. No authentication, first stream wins.
 * Returns milliseconds from the start instruction to the first stream.
 */
final class NaiveClient {
    private NaiveClient() {
    }

    static double punch(InetSocketAddress server, String id, String peer, long timeoutMillis) throws Exception {
        InetSocketAddress local = new InetSocketAddress(server.getAddress(), 0);
        try (Socket rendezvous = reusable()) {
            rendezvous.bind(local);
            rendezvous.connect(server);
            local = (InetSocketAddress) rendezvous.getLocalSocketAddress();
            FrameReader reader = new FrameReader(new BufferedInputStream(rendezvous.getInputStream()));
            rendezvous.getOutputStream().write(MessageCodec.encode(new Message.Register(id, null,
                    Endpoint.of(local))));
            reader.read();
            rendezvous.getOutputStream().write(MessageCodec.encode(new Message.Connect(peer)));
            Message.Start start = (Message.Start) reader.read();
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);

            CompletableFuture<Socket> first = new CompletableFuture<>();
            try (ServerSocket listener = new ServerSocket()) {
                listener.setReuseAddress(true);
                listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                listener.bind(local);
                Thread acceptor = new Thread(() -> {
                    try {
                        first.complete(listener.accept());
                    } catch (IOException ignored) {
                        // closed below
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                while (!first.isDone() && System.nanoTime() < deadline) {
                    Socket s = reusable();
                    try {
                        s.bind(local);
                        s.connect(start.peer().publicEndpoint().toSocketAddress(), 1000);
                        first.complete(s);
                    } catch (IOException e) {
                        s.close();
                        if (!first.isDone()) {
                            Thread.sleep(1000); // the classic "wait a second and try again"
                        }
                    }
                }
                Socket stream = first.getNow(null);
                if (stream == null) {
                    throw new IOException(id + ": no stream before the deadline");
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                stream.setSoLinger(true, 0);
                stream.close();
                return ms;
            }
        }
    }

    private static Socket reusable() throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(true);
        s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        s.setSoLinger(true, 0);
        return s;
    }
}
