package io.natlab.punch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void splitsFramesAcrossAndWithinChunks() throws Exception {
        FrameDecoder d = new FrameDecoder(64);
        assertThat(d.feed(bytes("ab"))).isEmpty();
        assertThat(d.hasPartialFrame()).isTrue();
        List<byte[]> frames = d.feed(bytes("c\nde\r\nf"));
        assertThat(frames).extracting(FrameDecoderTest::text).containsExactly("abc", "de");
        assertThat(d.hasPartialFrame()).isTrue();
        assertThat(d.feed(bytes("\n"))).extracting(FrameDecoderTest::text).containsExactly("f");
        assertThat(d.hasPartialFrame()).isFalse();
    }

    @Test
    void acceptsExactlyTheLimitAndFailsOneByteLaterBeforeAnyNewline() throws Exception {
        FrameDecoder d = new FrameDecoder(8);
        assertThat(d.feed(bytes("12345678\r\n"))).extracting(FrameDecoderTest::text).containsExactly("12345678");
        assertThatThrownBy(() -> d.feed(bytes("123456789")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @Test
    void endlessLineFailsAtTheLimitNotAtTheEnd() {
        FrameDecoder d = new FrameDecoder();
        ByteBuffer flood = ByteBuffer.allocate(1 << 20);
        assertThatThrownBy(() -> d.feed(flood)).isInstanceOf(ProtocolException.class);
        assertThat(flood.position()).isEqualTo(Protocol.MAX_FRAME_BYTES + 1);
    }

    @Test
    void frameReaderStopsAtTheNewlineAndLeavesRawBytes() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(
                "{\"v\":1,\"type\":\"CHOSEN\"}\nRAW".getBytes(StandardCharsets.UTF_8));
        FrameReader reader = new FrameReader(in);
        assertThat(reader.read()).isEqualTo(new Message.Chosen());
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("RAW");
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
    }

    @Test
    void frameReaderRejectsOversizedFrames() {
        byte[] big = new byte[Protocol.MAX_FRAME_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        FrameReader reader = new FrameReader(new ByteArrayInputStream(big));
        assertThatThrownBy(reader::read)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }
}
