package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.natlab.punch.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Clients end abortively (SO_LINGER 0) by design: the server logs that as a normal end, not as an error. */
class ClientEndLoggingTest {

    @Test
    void anAbortiveCloseAfterRegisteringIsANormalEnd() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        ServerListener listener = new ServerListener() {
            @Override
            public void disconnected(Endpoint remote, String id, String reason) {
                reasons.add(id + ": " + reason);
            }
        };
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), listener).start()) {
            new RawClient(server.localAddress()).register("alice").close(); // RawClient closes with SO_LINGER 0
            await().atMost(Duration.ofSeconds(5)).until(() -> !reasons.isEmpty());
        }
        assertThat(reasons.get(0)).isEqualTo("alice: client closed");
    }

    @Test
    void otherIoErrorsStayErrors() {
        assertThat(RendezvousServer.endReason(new IOException("Connection reset by peer"))).isEqualTo("client closed");
        assertThat(RendezvousServer.endReason(new IOException("Broken pipe"))).isEqualTo("connection error: Broken pipe");
    }
}
