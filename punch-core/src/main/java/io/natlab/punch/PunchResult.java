package io.natlab.punch;

import java.util.Objects;

/**
 * The outcome of one punch. {@code elapsedMs} runs from the start instruction to the agreed authenticated
 * stream (for failures: to the moment of failure, or null if no start instruction arrived). {@code attempts}
 * counts outbound connects. {@code rttMs} is the median of five round trips over the punched stream.
 * {@code bytesVerified} is how many echo bytes from the peer arrived intact. {@code stream} is how the held
 * stream fared, only when a hold was asked for and the punch succeeded (else null).
 */
public record PunchResult(Outcome outcome, Method method, Endpoint local, Endpoint remote, Double elapsedMs,
                          int attempts, Double rttMs, long bytesVerified, String error, StreamReport stream) {

    /** A result without a held stream. */
    public PunchResult(Outcome outcome, Method method, Endpoint local, Endpoint remote, Double elapsedMs,
                       int attempts, Double rttMs, long bytesVerified, String error) {
        this(outcome, method, local, remote, elapsedMs, attempts, rttMs, bytesVerified, error, null);
    }

    public PunchResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.DIRECT && (method == null || error != null)) {
            throw new IllegalArgumentException("a direct result needs a method and no error");
        }
        if (outcome == Outcome.FAILED && error == null) {
            throw new IllegalArgumentException("a failed result needs an error");
        }
    }

    public static PunchResult direct(Method method, Endpoint local, Endpoint remote, double elapsedMs, int attempts,
                                     double rttMs, long bytesVerified) {
        return new PunchResult(Outcome.DIRECT, method, local, remote, elapsedMs, attempts, rttMs, bytesVerified, null);
    }

    public static PunchResult failed(String error, Endpoint local, Endpoint remote, Double elapsedMs, int attempts) {
        return new PunchResult(Outcome.FAILED, null, local, remote, elapsedMs, attempts, null, 0, error);
    }

    public PunchResult withStream(StreamReport s) {
        return new PunchResult(outcome, method, local, remote, elapsedMs, attempts, rttMs, bytesVerified, error, s);
    }

    public boolean isDirect() {
        return outcome == Outcome.DIRECT;
    }
}
