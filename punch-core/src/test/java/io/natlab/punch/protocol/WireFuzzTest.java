package io.natlab.punch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.natlab.punch.Endpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the wire decoder (frame splitting and message decoding) with random bytes, JSON-shaped soup and
 * valid messages: every input gives messages or a {@link ProtocolException} with a clean one-line text, never
 * another exception or a hang; a frame never buffers more than the frame limit.
 */
class WireFuzzTest {

    private static void decodeAll(byte[] stream, int chunk) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            FrameDecoder decoder = new FrameDecoder();
            for (int i = 0; i < stream.length; i += chunk) {
                List<byte[]> frames;
                try {
                    frames = decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
                } catch (ProtocolException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                    return;
                }
                for (byte[] frame : frames) {
                    assertThat(frame.length).isLessThanOrEqualTo(Protocol.MAX_FRAME_BYTES + 1);
                    decodeOne(frame);
                }
            }
        });
    }

    private static void decodeOne(byte[] frame) {
        try {
            Message m = MessageCodec.decode(frame);
            assertThat(m).isNotNull();
            // Whatever decodes must encode again (the server echoes parts of it).
            assertThat(MessageCodec.decode(new String(MessageCodec.encode(m), StandardCharsets.UTF_8).trim())).isEqualTo(m);
        } catch (ProtocolException e) {
            assertThat(e.code()).isNotNull();
            assertThat(e.getMessage()).isNotBlank()
                    .doesNotContain("\n", "\r", "`", "com.fasterxml", "Jackson", "jackson", "Exception");
        }
    }

    @Property(tries = 400)
    void anyBytesGiveMessagesOrCleanErrors(@ForAll("bytes") byte[] stream, @ForAll("chunks") int chunk) {
        decodeAll(stream, chunk);
    }

    @Property(tries = 400)
    void jsonShapedSoupGivesMessagesOrCleanErrors(@ForAll("soup") String text, @ForAll("chunks") int chunk) {
        decodeAll(text.getBytes(StandardCharsets.UTF_8), chunk);
    }

    @Property(tries = 200)
    void validMessagesSurviveARoundTrip(@ForAll("messages") Message m) throws Exception {
        byte[] frame = MessageCodec.encode(m);
        assertThat(MessageCodec.decode(new String(frame, StandardCharsets.UTF_8).trim())).isEqualTo(m);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                Arbitraries.bytes().array(byte[].class).ofMinSize(4000).ofMaxSize(9000));
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.of(1, 7, 64, 4096, 65536);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"v\"", "1", "\"type\"", "\"REGISTER\"",
                "\"CONNECT\"", "\"PING\"", "\"START\"", "\"ERROR\"", "\"HELLO\"", "\"id\"", "\"peer\"", "\"alice\"",
                "\"token\"", "\"private\"", "\"10.0.0.1:7000\"", "\"[::1]:1\"", "\"seq\"", "-1", "1e999", "NaN", "null",
                "true", "\"\\u0000\"", "\"\\n\"", "\n", "\r\n", "\u00ff", "\ud800", "99999999999999999999999", "\"session\"",
                "\"0123456789abcdef0123456789abcdef\"", "\"self\"", "\"echo\"", " ");
        return token.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> id = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<Endpoint> endpoint = Combinators.combine(Arbitraries.of("10.0.0.1", "198.18.0.2", "::1", "fe80::1"),
                Arbitraries.integers().between(0, 65535)).as((h, p) -> Endpoint.parse(
                        (h.contains(":") ? "[" + h + "]" : h) + ":" + p));
        Arbitrary<String> session = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
        Arbitrary<PeerInfo> peer = Combinators.combine(id, endpoint, endpoint).as(PeerInfo::new);
        return Arbitraries.oneOf(
                Combinators.combine(id, Arbitraries.strings().ascii().ofMaxLength(Protocol.MAX_TOKEN_CHARS).injectNull(0.3),
                        endpoint).as(Message.Register::new),
                id.map(Message.Connect::new),
                Arbitraries.longs().map(Message.Ping::new),
                Arbitraries.longs().map(Message.Pong::new),
                endpoint.map(Message.Registered::new),
                Combinators.combine(session, peer, peer).as(Message.Start::new),
                Combinators.combine(Arbitraries.of(ErrorCode.values()).map(Enum::name),
                        Arbitraries.strings().all().ofMaxLength(100)).as(Message.Error::new),
                Combinators.combine(session, id, id, Arbitraries.longs().greaterOrEqual(0)).as(Message.Hello::new),
                Arbitraries.just(new Message.Chosen()),
                Arbitraries.just(new Message.Bye()));
    }
}
