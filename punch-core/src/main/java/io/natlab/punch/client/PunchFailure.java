package io.natlab.punch.client;

/** Ends a punch run; the message becomes {@code PunchResult.error}. */
final class PunchFailure extends Exception {
    PunchFailure(String message) {
        super(message);
    }

    PunchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
