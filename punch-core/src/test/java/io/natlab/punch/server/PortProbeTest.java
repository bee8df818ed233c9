package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import java.io.BufferedInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The probe port reports where a connection came from; REGISTERED names it; CONNECT's prediction reaches START. */
class PortProbeTest {
    @Test
    void probeReportsTheObservedEndpointAndPredictionsReachThePeer() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null)
                .withPortProbe(new InetSocketAddress("127.0.0.1", 0)).start();
             RawClient alice = new RawClient(server.localAddress());
             RawClient bob = new RawClient(server.localAddress())) {
            assertThat(server.probePort()).isPositive().isNotEqualTo(server.localAddress().getPort());

            alice.send(new Message.Register("alice", null, alice.local()));
            Message.Registered registered = (Message.Registered) alice.read();
            assertThat(registered.probePort()).isEqualTo(server.probePort());

            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", server.probePort()), 5000);
                probe.setSoTimeout(5000);
                Message seen = new FrameReader(new BufferedInputStream(probe.getInputStream())).read();
                assertThat(seen).isEqualTo(new Message.Registered(
                        new Endpoint(probe.getLocalAddress(), probe.getLocalPort())));
            }

            bob.register("bob");
            Endpoint predicted = Endpoint.parse("127.0.0.1:40002");
            alice.send(new Message.Connect("bob", predicted));
            bob.send(new Message.Connect("alice"));
            Message.Start toBob = (Message.Start) bob.read();
            Message.Start toAlice = (Message.Start) alice.read();
            assertThat(toBob.peer().predicted()).isEqualTo(predicted);
            assertThat(toAlice.self().predicted()).isEqualTo(predicted);
            assertThat(toAlice.peer().predicted()).isNull();
        }
    }

    @Test
    void withoutAProbeRegisteredSaysNothingAboutIt() throws Exception {
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start();
             RawClient alice = new RawClient(server.localAddress())) {
            alice.send(new Message.Register("alice", null, alice.local()));
            assertThat(((Message.Registered) alice.read()).probePort()).isZero();
            assertThat(server.probePort()).isZero();
        }
    }
}
