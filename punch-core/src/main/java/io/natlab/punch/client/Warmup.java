package io.natlab.punch.client;

import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.ProtocolException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import io.natlab.punch.Method;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads and links the classes of the punch path before we register. A fresh JVM (one per lab trial) otherwise
 * spends ~100+ ms of class loading between the start instruction and the first SYN, which widens the start
 * skew between the two peers. Runs once per JVM, before the clock of any measurement starts.
 */
final class Warmup {
    private static volatile boolean done;

    private Warmup() {
    }

    /** One listener, one connect, one HELLO each way over loopback, on a worker thread like the real run. */
    private static void loopbackExchange(String session) throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ExecutorService worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "punch-warmup");
            t.setDaemon(true);
            return t;
        });
        try (ServerSocket listener = ReusableSockets.listener(any);
             Socket client = ReusableSockets.boundSocket(any)) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, worker);
            client.connect(listener.getLocalSocketAddress(), 2000);
            Socket server = accepted.get(2, TimeUnit.SECONDS);
            PeerStream a = new PeerStream(client, Method.CONNECT);
            PeerStream b = new PeerStream(server, Method.ACCEPT);
            Deadline deadline = Deadline.after(Duration.ofSeconds(2));
            a.send(new Message.Hello(session, "a", "b", 0));
            b.read(deadline);
            a.closeAbortively();
            b.closeAbortively();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | ProtocolException | RuntimeException e) {
            // Warm-up is an optimisation only.
        } finally {
            worker.shutdownNow();
        }
    }

    static void run() {
        if (done) {
            return;
        }
        try {
            String session = "00000000000000000000000000000000";
            for (Message m : new Message[] {new Message.Hello(session, "a", "b", 0), new Message.Chosen(),
                    new Message.Ping(1), new Message.Pong(1), new Message.Bye()}) {
                byte[] frame = MessageCodec.encode(m);
                MessageCodec.decode(Arrays.copyOf(frame, frame.length - 1));
            }
            new EchoPattern(session, "a", 1).nextChunk();
            new io.natlab.punch.PunchEvent.Attempt(java.time.Instant.now(), 1, null, "warm").name();
            loopbackExchange(session);
            for (Class<?> c : new Class<?>[] {Puncher.class, Handshake.class, StreamCheck.class, PeerStream.class,
                    StreamArbiter.class, Handshake.StrayException.class}) {
                Class.forName(c.getName(), true, c.getClassLoader());
            }
        } catch (IOException | ProtocolException | ClassNotFoundException e) {
            // Warm-up is an optimisation only.
        }
        done = true;
    }
}
