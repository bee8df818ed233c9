package io.natlab.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a trial that was not a success stopped, in the order a trial goes through its phases. Serialised by its
 * lowercase name ({@code "stream"}).
 */
public enum FailedAt {
    /** A client never got the start instruction: it did not register, or the pair was never matched. */
    RENDEZVOUS,
    /** Both clients were instructed, but at least one never established the authenticated stream. */
    PUNCH,
    /** Both clients established the stream, then the echo or RTT check over it did not complete. */
    STREAM,
    /** The trial punched and verified the echo, but its time-to-punch was over the scenario's budget. */
    BUDGET;

    @JsonValue
    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static FailedAt fromJson(String name) { return valueOf(name.toUpperCase(Locale.ROOT)); }
}
