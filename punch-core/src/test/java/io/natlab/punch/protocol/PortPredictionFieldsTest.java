package io.natlab.punch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natlab.punch.Endpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The optional port-prediction fields: round trips, and frames without them (protocol v1 peers) still work. */
class PortPredictionFieldsTest {
    private static final String SESSION = "0123456789abcdef0123456789abcdef";

    @Test
    void predictionFieldsRoundTrip() throws Exception {
        Endpoint predicted = Endpoint.parse("198.18.0.3:40007");
        PeerInfo alice = new PeerInfo("alice", Endpoint.parse("198.18.0.3:40005"), Endpoint.parse("10.1.0.3:40000"),
                predicted);
        PeerInfo bob = new PeerInfo("bob", Endpoint.parse("198.18.0.4:1234"), Endpoint.parse("10.2.0.3:40000"));
        for (Message m : new Message[] {new Message.Connect("bob", predicted),
                new Message.Registered(Endpoint.parse("198.18.0.3:40005"), 7001),
                new Message.Start(SESSION, alice, bob)}) {
            byte[] frame = MessageCodec.encode(m);
            assertThat(MessageCodec.decode(new String(frame, StandardCharsets.UTF_8).trim())).isEqualTo(m);
        }
    }

    @Test
    void framesWithoutThemAreTheVersionOneFrames() throws Exception {
        assertThat(new String(MessageCodec.encode(new Message.Registered(Endpoint.parse("198.18.0.3:1"))),
                StandardCharsets.UTF_8)).isEqualTo("{\"v\":1,\"type\":\"REGISTERED\",\"public\":\"198.18.0.3:1\"}\n");
        Message.Connect connect = (Message.Connect) MessageCodec.decode("{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"bob\"}");
        assertThat(connect.predicted()).isNull();
        Message.Registered registered = (Message.Registered) MessageCodec.decode(
                "{\"v\":1,\"type\":\"REGISTERED\",\"public\":\"198.18.0.3:1\"}");
        assertThat(registered.probePort()).isZero();
        Message.Start start = (Message.Start) MessageCodec.decode("{\"v\":1,\"type\":\"START\",\"session\":\"" + SESSION
                + "\",\"self\":{\"id\":\"a\",\"public\":\"1.2.3.4:5\",\"private\":\"10.0.0.1:5\"},"
                + "\"peer\":{\"id\":\"b\",\"public\":\"1.2.3.5:5\",\"private\":\"10.0.0.2:5\"}}");
        assertThat(start.peer().predicted()).isNull();
    }

    @Test
    void badValuesNameTheField() {
        assertThatThrownBy(() -> MessageCodec.decode(
                "{\"v\":1,\"type\":\"REGISTERED\",\"public\":\"198.18.0.3:1\",\"probePort\":4294967297}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("REGISTERED.probePort: must be 0..65535");
        assertThatThrownBy(() -> MessageCodec.decode("{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"bob\",\"predicted\":\"x\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("CONNECT.predicted");
    }
}
