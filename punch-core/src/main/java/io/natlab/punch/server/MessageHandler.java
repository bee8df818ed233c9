package io.natlab.punch.server;

import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.protocol.PeerInfo;
import io.natlab.punch.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers client messages: REGISTER (checks the token; the newest registration of an id wins), CONNECT (pairs
 * two clients that asked for each other and sends both START) and PING. A message that breaks the protocol
 * throws {@link ProtocolException}; the caller answers it with ERROR.
 */
final class MessageHandler {
    private final PairingTable<ClientConnection> table;
    private final Doorkeeper doorkeeper;
    private final ServerListener listener;
    private final ServerCounts counts;
    private final ConnectionOutput output;
    /** The shared secret as bytes, for a constant-time comparison; null when the server needs none. */
    private final byte[] tokenBytes;
    private final int probePort;
    private final SecureRandom random = new SecureRandom();
    private final java.nio.file.Path startDelaysFile;
    private final DelayedStarts delayedStarts;

    MessageHandler(ServerConfig config, int probePort, PairingTable<ClientConnection> table, Doorkeeper doorkeeper,
                   ServerListener listener, ServerCounts counts, ConnectionOutput output,
                   java.nio.file.Path startDelaysFile, DelayedStarts delayedStarts) {
        this.startDelaysFile = startDelaysFile;
        this.delayedStarts = delayedStarts;
        this.tokenBytes = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
        this.probePort = probePort;
        this.table = table;
        this.doorkeeper = doorkeeper;
        this.listener = listener;
        this.counts = counts;
        this.output = output;
    }

    void handle(ClientConnection c, Message message, long now) throws ProtocolException {
        if (message instanceof Message.Register register) {
            onRegister(c, register, now);
        } else if (message instanceof Message.Connect connect) {
            onConnect(c, connect, now);
        } else if (message instanceof Message.Ping ping) {
            output.send(c, new Message.Pong(ping.seq()), now);
        } else {
            throw new ProtocolException(ErrorCode.UNEXPECTED, message.type() + " is not a client-to-server message");
        }
    }

    private void onRegister(ClientConnection c, Message.Register register, long now) throws ProtocolException {
        if (c.id != null) {
            throw new ProtocolException(ErrorCode.UNEXPECTED, "already registered as '" + c.id + "'");
        }
        if (tokenBytes != null && (register.token() == null
                || !MessageDigest.isEqual(tokenBytes, register.token().getBytes(StandardCharsets.UTF_8)))) {
            throw new ProtocolException(ErrorCode.BAD_TOKEN,
                    register.token() == null ? "this server requires a token" : "wrong token");
        }
        c.id = register.id();
        doorkeeper.registered(c);
        PeerInfo info = new PeerInfo(register.id(), c.remote, register.privateEndpoint());
        Optional<ClientConnection> replaced = table.register(c, info);
        listener.registered(c.id, c.remote, register.privateEndpoint());
        output.send(c, new Message.Registered(c.remote, probePort), now);
        replaced.ifPresent(old -> output.fail(old, ErrorCode.DUPLICATE_ID,
                "id '" + c.id + "' was registered again from " + c.remote + "; the newest registration wins", now));
        counts.registered(table.size());
    }

    private void onConnect(ClientConnection c, Message.Connect connect, long now) throws ProtocolException {
        if (c.id == null) {
            throw new ProtocolException(ErrorCode.UNEXPECTED, "send REGISTER before CONNECT");
        }
        if (connect.peer().equals(c.id)) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "CONNECT.peer: cannot connect to yourself");
        }
        c.predicted = connect.predicted();
        Optional<PairingTable.Pair<ClientConnection>> pair = table.request(c.id, connect.peer());
        if (pair.isEmpty()) {
            return;
        }
        PairingTable.Pair<ClientConnection> p = pair.get();
        String session = HexFormat.of().formatHex(randomBytes(16));
        // Queue both instructions first, then flush both: the two sides get START in the same instant.
        PeerInfo first = p.firstInfo().withPredicted(p.first().predicted);
        PeerInfo second = p.secondInfo().withPredicted(p.second().predicted);
        StartDelays delays = startDelays();
        long delayFirst = delays.delayMs(first.id()), delaySecond = delays.delayMs(second.id());
        startLater(p.first(), MessageCodec.encode(new Message.Start(session, first, second)), delayFirst, now);
        startLater(p.second(), MessageCodec.encode(new Message.Start(session, second, first)), delaySecond, now);
        if (delayFirst == 0) {
            output.flush(p.first(), now);
        }
        if (delaySecond == 0) {
            output.flush(p.second(), now);
        }
        listener.paired(p.firstInfo().id(), p.secondInfo().id(), session);
    }

    /** Queues START now, or holds it back by its start delay (lab start skew). */
    private void startLater(ClientConnection c, byte[] frame, long delayMs, long now) {
        if (delayMs == 0) {
            c.enqueue(frame);
            return;
        }
        delayedStarts.hold(c, frame, now + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(delayMs));
        listener.startDelayed(c.id, delayMs);
    }

    /** The delays file as it is now; a file that does not validate is reported and ignored (no delays). */
    private StartDelays startDelays() {
        if (startDelaysFile == null) {
            return StartDelays.NONE;
        }
        try {
            return StartDelays.read(startDelaysFile);
        } catch (java.io.IOException | IllegalArgumentException e) {
            listener.fault("start delays ignored", e);
            return StartDelays.NONE;
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
