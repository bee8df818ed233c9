package io.natlab.punch.protocol;

/** Error codes the rendezvous server sends in an ERROR frame before it closes the connection. */
public enum ErrorCode {
    /** The frame is not a JSON object, or a field is missing or has the wrong type. */
    MALFORMED,
    /** A frame exceeded {@link Protocol#MAX_FRAME_BYTES}. */
    TOO_LARGE,
    /** The "type" is not one this server knows. */
    UNKNOWN_TYPE,
    /** The "v" is not {@link Protocol#VERSION}. */
    UNSUPPORTED_VERSION,
    /** A field is present but its value is invalid (bad id, bad endpoint, asking for yourself). */
    INVALID_FIELD,
    /** A valid message that is not allowed now (CONNECT before REGISTER, a second REGISTER). */
    UNEXPECTED,
    /** The server requires a token and the REGISTER carried none or a different one. */
    BAD_TOKEN,
    /** A newer connection registered the same id; this older one is closed. */
    DUPLICATE_ID,
    /** No REGISTER within the registration timeout, or no frame within the idle timeout. */
    TIMEOUT,
    /** A frame took longer than the frame timeout to arrive, or the client stopped reading. */
    SLOW_CLIENT,
    /** The server already has its maximum number of connections (or of unregistered ones, see docs). */
    SERVER_FULL,
    /** Too many failed registrations from this source address recently; retry after the time in the message. */
    THROTTLED,
    /** The server is shutting down. */
    SHUTDOWN
}
