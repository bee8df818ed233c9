package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class HeartbeatFrameTest {
    @Property
    void everyFrameDecodesToWhatWasEncoded(@ForAll @LongRange(min = 0) long seq) throws Exception {
        byte[] frame = HeartbeatFrame.encode(HeartbeatFrame.Kind.BEAT, seq);
        assertThat(frame).hasSize(HeartbeatFrame.SIZE);
        assertThat(HeartbeatFrame.decode(frame)).isEqualTo(new HeartbeatFrame.Decoded(HeartbeatFrame.Kind.BEAT, seq));
    }

    @Property
    void everySingleBitFlipIsCaught(@ForAll @LongRange(min = 0) long seq, @ForAll @IntRange(max = 191) int bit) {
        byte[] frame = HeartbeatFrame.encode(HeartbeatFrame.Kind.END, seq);
        frame[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> HeartbeatFrame.decode(frame))
                .isInstanceOf(HeartbeatFrame.CorruptFrameException.class);
    }

    @Test
    void aJsonLineIsNotAHeartbeat() {
        byte[] bye = "{\"v\":1,\"type\":\"BYE\"}\n...".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> HeartbeatFrame.decode(java.util.Arrays.copyOf(bye, HeartbeatFrame.SIZE)))
                .isInstanceOf(HeartbeatFrame.CorruptFrameException.class);
    }
}
