package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.PeerInfo;
import org.junit.jupiter.api.Test;

class PortPredictionTest {
    private static Endpoint e(String s) {
        return Endpoint.parse(s);
    }

    @Test
    void aSmallDeltaPredictsTheNextPort() {
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), e("198.18.0.3:40001"))).isEqualTo(e("198.18.0.3:40002"));
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), e("198.18.0.3:40002"))).isEqualTo(e("198.18.0.3:40004"));
        assertThat(PortPrediction.predict(e("198.18.0.3:40010"), e("198.18.0.3:40009"))).isEqualTo(e("198.18.0.3:40008"));
    }

    @Test
    void nothingIsPredictedForIndependentRandomOrUnknownMappings() {
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), e("198.18.0.3:40000"))).as("EIM").isNull();
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), e("198.18.0.3:51234"))).as("random").isNull();
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), e("198.18.0.4:40001"))).as("other address").isNull();
        assertThat(PortPrediction.predict(e("198.18.0.3:40000"), null)).as("probe failed").isNull();
        assertThat(PortPrediction.predict(e("198.18.0.3:65534"), e("198.18.0.3:65535"))).as("past 65535").isNull();
    }

    @Test
    void anUnreachableProbePortCostsLittle() {
        assertThat(PortPrediction.probeTimeoutMillis(200_000)).isEqualTo(100); // LAN: 100 ms at most
        assertThat(PortPrediction.probeTimeoutMillis(40_000_000)).isEqualTo(370); // 40 ms: 8 RTT + 50 ms
        assertThat(PortPrediction.probeTimeoutMillis(1_000_000_000)).isEqualTo(1000);
    }

    @Test
    void thePublicConnectLoopGoesToThePeersPredictedPortWhenItHasOne() {
        PeerInfo self = new PeerInfo("a", e("198.18.0.3:40000"), e("10.1.0.3:40000"));
        PeerInfo plain = new PeerInfo("b", e("198.18.0.4:40000"), e("10.2.0.3:40000"));
        String session = "0123456789abcdef0123456789abcdef";
        assertThat(Puncher.publicTarget(new Message.Start(session, self, plain))).isEqualTo(e("198.18.0.4:40000"));
        assertThat(Puncher.publicTarget(new Message.Start(session, self, plain.withPredicted(e("198.18.0.4:40002")))))
                .isEqualTo(e("198.18.0.4:40002"));
    }
}
