package io.natlab.punch.protocol;

/** A frame violated the wire protocol; {@link #code()} is what the peer is told. */
public final class ProtocolException extends Exception {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
