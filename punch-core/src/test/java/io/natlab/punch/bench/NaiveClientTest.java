package io.natlab.punch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.io.BufferedInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A naive-baseline pair that misses its deadline is a counted failure, not a crash of the benchmark. */
class NaiveClientTest {
    @Test
    void aMissedDeadlineIsAFailedTrialThatTheBenchmarkCountsAndPrints() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start();
             Socket silentPeer = new Socket()) {
            CompletableFuture<NaiveClient.Result> naive = CompletableFuture.supplyAsync(
                    () -> NaiveClient.punch(server.localAddress(), "n0a", "n0b", 1500));
            // The peer pairs through the server, then never listens nor connects: every connect is refused.
            silentPeer.connect(server.localAddress(), 5000);
            FrameReader reader = new FrameReader(new BufferedInputStream(silentPeer.getInputStream()));
            silentPeer.getOutputStream().write(MessageCodec.encode(new Message.Register("n0b", null,
                    new Endpoint(silentPeer.getLocalAddress(), silentPeer.getLocalPort()))));
            reader.read();
            silentPeer.getOutputStream().write(MessageCodec.encode(new Message.Connect("n0a")));

            NaiveClient.Result result = naive.get(30, TimeUnit.SECONDS);

            assertThat(result.error()).isEqualTo("no stream before the deadline");
            Trials trials = new Trials();
            result.addTo(trials);
            new NaiveClient.Result(12.5, null).addTo(trials);
            assertThat(trials.failedCount()).isEqualTo(1);
            assertThat(trials.row("naive")).contains("n=1", "p50=   12.50", "failed=1 (no stream before the deadline)");
        }
    }

    @Test
    void anUnreachableServerIsAFailedTrialToo() throws Exception {
        InetSocketAddress nobody;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) closed.getLocalSocketAddress();
        }
        assertThat(NaiveClient.punch(nobody, "a", "b", 100).error()).contains("refused");
        assertThat(new Trials().row("none")).contains("n=0", "no stream in any trial");
    }
}
