package io.natlab.punch.protocol;

import io.natlab.punch.Endpoint;
import java.util.Objects;

/**
 * Every frame of wire protocol version 1. Rendezvous frames travel between client and server;
 * peer frames travel over a punched stream. One JSON object per line, see {@link MessageCodec}.
 */
public sealed interface Message {

    /** Wire name in the "type" field. */
    String type();

    // ---- client -> server ----

    /** Registers {@code id}; {@code token} may be null when the server has none. */
    record Register(String id, String token, Endpoint privateEndpoint) implements Message {
        public Register {
            Protocol.requireValidId(id, "id");
            Objects.requireNonNull(privateEndpoint, "privateEndpoint");
            if (token != null && token.length() > Protocol.MAX_TOKEN_CHARS) {
                throw new IllegalArgumentException("token longer than " + Protocol.MAX_TOKEN_CHARS);
            }
        }

        @Override
        public String type() {
            return "REGISTER";
        }

        @Override
        public String toString() {
            return "Register[id=" + id + ", token=" + (token == null ? "none" : "***") + ", private=" + privateEndpoint + "]";
        }
    }

    /**
     * Asks to be paired with {@code peer}; the server answers both sides with START once both asked.
     * {@code predicted} (optional, null if none): where the client expects its NAT to map its next flow, from
     * its port probe; the server passes it to the peer in START.
     */
    record Connect(String peer, Endpoint predicted) implements Message {
        public Connect {
            Protocol.requireValidId(peer, "peer");
        }

        public Connect(String peer) {
            this(peer, null);
        }

        @Override
        public String type() {
            return "CONNECT";
        }
    }

    /** Keep-alive; answered with PONG. On a punched stream, {@code seq} times a round trip. */
    record Ping(long seq) implements Message {
        @Override
        public String type() {
            return "PING";
        }
    }

    // ---- server -> client ----

    /**
     * Registration accepted; {@code publicEndpoint} is where the server saw the connection come from.
     * {@code probePort} (optional, 0 if none): the server's port probe port (see {@code PortProbe}).
     */
    record Registered(Endpoint publicEndpoint, int probePort) implements Message {
        public Registered {
            Objects.requireNonNull(publicEndpoint, "publicEndpoint");
            if (probePort < 0 || probePort > 65535) {
                throw new IllegalArgumentException("probe port must be 0..65535");
            }
        }

        public Registered(Endpoint publicEndpoint) {
            this(publicEndpoint, 0);
        }

        @Override
        public String type() {
            return "REGISTERED";
        }
    }

    /** The start instruction, sent to both sides of a pair at the same moment. */
    record Start(String session, PeerInfo self, PeerInfo peer) implements Message {
        public Start {
            if (session == null || !Protocol.SESSION_PATTERN.matcher(session).matches()) {
                throw new IllegalArgumentException("session must be 32 lowercase hex digits");
            }
            Objects.requireNonNull(self, "self");
            Objects.requireNonNull(peer, "peer");
        }

        @Override
        public String type() {
            return "START";
        }
    }

    /** Answer to PING with the same {@code seq}. */
    record Pong(long seq) implements Message {
        @Override
        public String type() {
            return "PONG";
        }
    }

    /** Sent before the sender closes the connection. {@code code} is an {@link ErrorCode} name. */
    record Error(String code, String message) implements Message {
        public Error {
            Objects.requireNonNull(code, "code");
            message = message == null ? "" : message;
            if (message.length() > Protocol.MAX_ERROR_MESSAGE_CHARS) {
                message = message.substring(0, Protocol.MAX_ERROR_MESSAGE_CHARS);
            }
        }

        public Error(ErrorCode code, String message) {
            this(code.name(), message);
        }

        @Override
        public String type() {
            return "ERROR";
        }
    }

    // ---- peer <-> peer, over a punched stream ----

    /**
     * First frame on every punched stream, in both directions: proves the stream belongs to this session.
     * {@code echoBytes} announces how many verification bytes the sender will send after CHOSEN.
     */
    record Hello(String session, String from, String to, long echoBytes) implements Message {
        public Hello {
            if (session == null || !Protocol.SESSION_PATTERN.matcher(session).matches()) {
                throw new IllegalArgumentException("session must be 32 lowercase hex digits");
            }
            Protocol.requireValidId(from, "from");
            Protocol.requireValidId(to, "to");
            if (echoBytes < 0) {
                throw new IllegalArgumentException("echoBytes must be >= 0");
            }
        }

        @Override
        public String type() {
            return "HELLO";
        }
    }

    /** Sent by the deciding side on the one stream both sides keep. */
    record Chosen() implements Message {
        @Override
        public String type() {
            return "CHOSEN";
        }
    }

    /** Last frame on a punched stream: everything was received and checked. */
    record Bye() implements Message {
        @Override
        public String type() {
            return "BYE";
        }
    }

    /**
     * Optional {@code recover} extension: first frame after CHOSEN on a stream re-punched after a break, both
     * ways. {@code received} is the last heartbeat sequence the sender received on the broken stream; the
     * receiver of this frame resumes its heartbeats at {@code received + 1}.
     */
    record Resume(long received) implements Message {
        public Resume {
            if (received < 0) {
                throw new IllegalArgumentException("received must be >= 0");
            }
        }

        @Override
        public String type() {
            return "RESUME";
        }
    }
}
