package io.natlab.punch.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natlab.punch.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Pure encoder/decoder between {@link Message}s and frames: one compact JSON object per line, UTF-8,
 * at most {@link Protocol#MAX_FRAME_BYTES} bytes. Every frame carries {@code "v":1} and {@code "type"}.
 * Unknown extra fields are ignored (room for additive changes within version 1).
 */
public final class MessageCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8)
                .maxStringLength(Protocol.MAX_FRAME_BYTES)
                .maxNumberLength(20)
                .build());
    }

    private MessageCodec() {
    }

    /** Encodes one frame, newline included. */
    public static byte[] encode(Message message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("v", Protocol.VERSION);
        node.put("type", message.type());
        if (message instanceof Message.Register m) {
            node.put("id", m.id());
            if (m.token() != null) {
                node.put("token", m.token());
            }
            node.put("private", m.privateEndpoint().toString());
        } else if (message instanceof Message.Connect m) {
            node.put("peer", m.peer());
            if (m.predicted() != null) {
                node.put("predicted", m.predicted().toString());
            }
        } else if (message instanceof Message.Ping m) {
            node.put("seq", m.seq());
        } else if (message instanceof Message.Pong m) {
            node.put("seq", m.seq());
        } else if (message instanceof Message.Registered m) {
            node.put("public", m.publicEndpoint().toString());
            if (m.probePort() != 0) {
                node.put("probePort", m.probePort());
            }
        } else if (message instanceof Message.Start m) {
            node.put("session", m.session());
            node.set("self", peerNode(m.self()));
            node.set("peer", peerNode(m.peer()));
        } else if (message instanceof Message.Error m) {
            node.put("code", m.code());
            node.put("message", m.message());
        } else if (message instanceof Message.Hello m) {
            node.put("session", m.session());
            node.put("from", m.from());
            node.put("to", m.to());
            node.put("echo", m.echoBytes());
        } else if (message instanceof Message.Resume m) {
            node.put("received", m.received());
        }
        // Chosen and Bye carry no fields.
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message, e);
        }
        if (json.length > Protocol.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(message.type() + " frame would be " + json.length
                    + " bytes, limit " + Protocol.MAX_FRAME_BYTES);
        }
        byte[] frame = Arrays.copyOf(json, json.length + 1);
        frame[json.length] = '\n';
        return frame;
    }

    private static ObjectNode peerNode(PeerInfo peer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", peer.id());
        node.put("public", peer.publicEndpoint().toString());
        node.put("private", peer.privateEndpoint().toString());
        if (peer.predicted() != null) {
            node.put("predicted", peer.predicted().toString());
        }
        return node;
    }

    /** Decodes one frame (without its newline). Errors name the offending field. */
    public static Message decode(byte[] frame) throws ProtocolException {
        if (frame.length > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "frame of " + frame.length + " bytes exceeds limit "
                    + Protocol.MAX_FRAME_BYTES);
        }
        JsonNode root = JsonSyntax.read(MAPPER, frame);
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED, "frame must be a JSON object");
        }
        JsonNode version = root.get("v");
        if (version == null || !version.isIntegralNumber()) {
            throw new ProtocolException(ErrorCode.MALFORMED, "v: required integer protocol version");
        }
        if (version.asLong() != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "v: version " + version.asText()
                    + " not supported, this side speaks " + Protocol.VERSION);
        }
        String type = text(root, "type", "frame");
        try {
            return switch (type) {
                case "REGISTER" -> new Message.Register(
                        id(root, "id", type), optionalText(root, "token", type), endpoint(root, "private", type));
                case "CONNECT" -> new Message.Connect(id(root, "peer", type), optionalEndpoint(root, "predicted", type));
                case "PING" -> new Message.Ping(optionalLong(root, "seq", type));
                case "PONG" -> new Message.Pong(optionalLong(root, "seq", type));
                case "REGISTERED" -> new Message.Registered(endpoint(root, "public", type),
                        optionalPort(root, "probePort", type));
                case "START" -> new Message.Start(session(root, type),
                        peer(object(root, "self", type), type + ".self"),
                        peer(object(root, "peer", type), type + ".peer"));
                case "ERROR" -> new Message.Error(text(root, "code", type), optionalText(root, "message", type));
                case "HELLO" -> new Message.Hello(session(root, type), id(root, "from", type), id(root, "to", type),
                        nonNegative(root, "echo", type));
                case "CHOSEN" -> new Message.Chosen();
                case "BYE" -> new Message.Bye();
                case "RESUME" -> new Message.Resume(nonNegative(root, "received", type));
                default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "type: unknown message type '"
                        + abbreviate(type) + "'");
            };
        } catch (IllegalArgumentException e) {
            // Record constructors re-check invariants; report them as invalid fields.
            throw new ProtocolException(ErrorCode.INVALID_FIELD, type + ": " + e.getMessage());
        }
    }

    private static PeerInfo peer(JsonNode node, String where) throws ProtocolException {
        return new PeerInfo(id(node, "id", where), endpoint(node, "public", where), endpoint(node, "private", where),
                optionalEndpoint(node, "predicted", where));
    }

    private static JsonNode object(JsonNode node, String field, String where) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED, where + "." + field + ": required object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ProtocolException(ErrorCode.MALFORMED, where + "." + field + ": required string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field, String where) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProtocolException(ErrorCode.MALFORMED, where + "." + field + ": must be a string");
        }
        return value.textValue();
    }

    private static long optionalLong(JsonNode node, String field, String where) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProtocolException(ErrorCode.MALFORMED, where + "." + field + ": must be an integer");
        }
        return value.longValue();
    }

    private static long nonNegative(JsonNode node, String field, String where) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProtocolException(ErrorCode.MALFORMED, where + "." + field + ": required integer");
        }
        if (value.longValue() < 0) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, where + "." + field + ": must be >= 0");
        }
        return value.longValue();
    }

    private static String id(JsonNode node, String field, String where) throws ProtocolException {
        String id = text(node, field, where);
        if (!Protocol.isValidId(id)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, where + "." + field
                    + ": must be 1-64 characters of A-Z a-z 0-9 . _ -, got '" + abbreviate(id) + "'");
        }
        return id;
    }

    private static String session(JsonNode node, String where) throws ProtocolException {
        String session = text(node, "session", where);
        if (!Protocol.SESSION_PATTERN.matcher(session).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, where + ".session: must be 32 lowercase hex digits");
        }
        return session;
    }

    private static Endpoint endpoint(JsonNode node, String field, String where) throws ProtocolException {
        String text = text(node, field, where);
        try {
            return Endpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, where + "." + field + ": " + e.getMessage());
        }
    }

    private static int optionalPort(JsonNode node, String field, String where) throws ProtocolException {
        long port = optionalLong(node, field, where);
        if (port < 0 || port > 65535) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, where + "." + field + ": must be 0..65535");
        }
        return (int) port;
    }

    private static Endpoint optionalEndpoint(JsonNode node, String field, String where) throws ProtocolException {
        return node.get(field) == null || node.get(field).isNull() ? null : endpoint(node, field, where);
    }

    private static String abbreviate(String s) {
        return io.natlab.punch.Printable.escape(s.length() <= 80 ? s : s.substring(0, 80) + "...");
    }

    /** Decodes a frame given as text; convenient for tests and tools. */
    public static Message decode(String frame) throws ProtocolException {
        return decode(frame.getBytes(StandardCharsets.UTF_8));
    }
}
