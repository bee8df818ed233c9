package io.natlab.punch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natlab.punch.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {
    private static final String SESSION = "0123456789abcdef0123456789abcdef";

    @Test
    void everyMessageRoundTrips() throws Exception {
        PeerInfo alice = new PeerInfo("alice", Endpoint.parse("198.18.0.3:40000"), Endpoint.parse("10.1.0.3:40000"));
        PeerInfo bob = new PeerInfo("bob", Endpoint.parse("198.18.0.4:1234"), Endpoint.parse("10.2.0.3:40000"));
        List<Message> messages = List.of(
                new Message.Register("alice", "s3cret", Endpoint.parse("10.1.0.3:40000")),
                new Message.Register("alice", null, Endpoint.parse("[fd00::1]:40000")),
                new Message.Connect("bob"),
                new Message.Ping(7), new Message.Pong(7),
                new Message.Registered(Endpoint.parse("198.18.0.3:40000")),
                new Message.Start(SESSION, alice, bob),
                new Message.Error(ErrorCode.BAD_TOKEN, "wrong token"),
                new Message.Hello(SESSION, "alice", "bob", 65536),
                new Message.Chosen(), new Message.Bye(), new Message.Resume(41));
        for (Message m : messages) {
            byte[] frame = MessageCodec.encode(m);
            assertThat(frame[frame.length - 1]).isEqualTo((byte) '\n');
            assertThat(Arrays.copyOf(frame, frame.length - 1)).doesNotContain((byte) '\n');
            assertThat(MessageCodec.decode(Arrays.copyOf(frame, frame.length - 1))).isEqualTo(m);
        }
    }

    @Test
    void framesCarryVersionAndType() {
        String json = new String(MessageCodec.encode(new Message.Connect("bob")), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"bob\"}\n");
    }

    @Test
    void unknownExtraFieldsAreIgnored() throws Exception {
        assertThat(MessageCodec.decode("{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"bob\",\"future\":[1,2]}"))
                .isEqualTo(new Message.Connect("bob"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                                   | MALFORMED           | not valid JSON",
        "''                                                         | MALFORMED           | JSON object",
        "[1,2]                                                      | MALFORMED           | JSON object",
        "{\"type\":\"PING\"}                                        | MALFORMED           | v: required",
        "{\"v\":\"1\",\"type\":\"PING\"}                            | MALFORMED           | v: required",
        "{\"v\":2,\"type\":\"PING\"}                                | UNSUPPORTED_VERSION | version 2",
        "{\"v\":1}                                                  | MALFORMED           | frame.type: required string",
        "{\"v\":1,\"type\":\"JUMP\"}                                | UNKNOWN_TYPE        | JUMP",
        "{\"v\":1,\"type\":\"CONNECT\"}                             | MALFORMED           | CONNECT.peer: required string",
        "{\"v\":1,\"type\":\"CONNECT\",\"peer\":\"b o b\"}          | INVALID_FIELD       | CONNECT.peer: must be 1-64",
        "{\"v\":1,\"type\":\"CONNECT\",\"peer\":7}                  | MALFORMED           | CONNECT.peer: required string",
        "{\"v\":1,\"type\":\"REGISTER\",\"id\":\"a\",\"private\":\"x:1\"} | INVALID_FIELD | REGISTER.private: not a numeric IP",
        "{\"v\":1,\"type\":\"REGISTER\",\"id\":\"a\",\"private\":\"1.2.3.4:1\",\"token\":5} | MALFORMED | REGISTER.token: must be a string",
        "{\"v\":1,\"type\":\"PING\",\"seq\":1.5}                    | MALFORMED           | PING.seq: must be an integer",
        "{\"v\":1,\"type\":\"PING\",\"v\":1}                        | MALFORMED           | Duplicate field",
        "{\"v\":1,\"type\":\"PING\"} {}                             | MALFORMED           | not valid JSON",
        "{\"v\":1,\"type\":\"HELLO\",\"session\":\"xyz\",\"from\":\"a\",\"to\":\"b\",\"echo\":0} | INVALID_FIELD | HELLO.session",
        "{\"v\":1,\"type\":\"HELLO\",\"session\":\"0123456789abcdef0123456789abcdef\",\"from\":\"a\",\"to\":\"b\",\"echo\":-1} | INVALID_FIELD | HELLO.echo: must be >= 0",
        "{\"v\":1,\"type\":\"START\",\"session\":\"0123456789abcdef0123456789abcdef\",\"self\":1} | MALFORMED | START.self: required object",
    })
    void badFramesFailWithCodeAndField(String frame, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> MessageCodec.decode(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @Test
    void oversizedFrameIsRejected() {
        byte[] big = new byte[Protocol.MAX_FRAME_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> MessageCodec.decode(big))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @Test
    void longErrorMessagesAreTruncatedSoFramesStayWithinTheLimit() {
        byte[] frame = MessageCodec.encode(new Message.Error(ErrorCode.MALFORMED, "x".repeat(10_000)));
        assertThat(frame.length).isLessThanOrEqualTo(Protocol.MAX_FRAME_BYTES + 1);
    }

    @Test
    void tokensAreNotPrintedInToString() {
        assertThat(new Message.Register("a", "s3cret", Endpoint.parse("1.2.3.4:5")).toString()).doesNotContain("s3cret");
    }
}
