package io.natlab.punch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a peer is told about a broken frame: where and what, never the parser's own class or setting names. */
class DecoderMessagesTest {

    private static String error(byte[] frame) {
        try {
            MessageCodec.decode(frame);
            throw new AssertionError("decoded");
        } catch (ProtocolException e) {
            assertThat(e.code()).isIn(ErrorCode.MALFORMED, ErrorCode.INVALID_FIELD);
            return e.getMessage();
        }
    }

    private static String error(String frame) {
        return error(frame.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonUtf8BytesAndDeepNestingHaveAPositionAndNoParserNames() {
        byte[] latin1 = "{\"v\":1,\"type\":\"PING\",\"x\":\"caf?\"}".getBytes(StandardCharsets.UTF_8);
        latin1[30] = (byte) 0xE9;
        assertThat(error(latin1)).matches("not valid JSON at column \\d+: Invalid UTF-8 (start|middle) byte 0x[0-9a-f]{2}");
        assertThat(error("{\"v\":1,\"x\":" + "[".repeat(20) + "]".repeat(20) + "}"))
                .isEqualTo("not valid JSON at column 20: nested deeper than 8 levels");
        assertThat(error("{\"v\":1,\"seq\":123456789012345678901234567}"))
                .startsWith("not valid JSON").endsWith("number longer than 20 digits");
        assertThat(error("{\"v\":NaN}")).isEqualTo("not valid JSON at column 9: Non-standard token 'NaN'");
        assertThat(error("{\"v\":1} {}")).isEqualTo("not valid JSON at column 9: unexpected data after the JSON value");
        for (String m : new String[] {error(latin1), error("{\"v\":NaN}"), error("[" .repeat(30))}) {
            assertThat(m).doesNotContain("`", "Jackson", "jackson", "com.fasterxml", "StreamReadConstraints", "\n");
        }
    }

    @Test
    void controlCharactersInEchoedValuesAreEscaped() {
        assertThatThrownBy(() -> MessageCodec.decode("{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"a\\nb\"}"))
                .hasMessage("CONNECT.peer: must be 1-64 characters of A-Z a-z 0-9 . _ -, got 'a\\nb'");
        assertThatThrownBy(() -> MessageCodec.decode("{\"v\":1,\"type\":\"x\\r\\ny\"}"))
                .hasMessage("type: unknown message type 'x\\r\\ny'");
    }
}
