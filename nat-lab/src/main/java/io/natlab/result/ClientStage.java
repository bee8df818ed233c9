package io.natlab.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The furthest a punch client got, from its event log; ordered. Serialised lowercase with dashes ({@code "not-started"}). */
public enum ClientStage {
    /** The runner never launched it (the first client never registered). */
    NOT_STARTED,
    /** Launched, but it logged no registration. */
    STARTED,
    /** The rendezvous server accepted its registration. */
    REGISTERED,
    /** The start instruction arrived: the punch began. */
    INSTRUCTED,
    /** Both sides agreed on an authenticated stream. */
    ESTABLISHED;

    @JsonValue
    public String jsonName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    @JsonCreator
    public static ClientStage fromJson(String name) { return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')); }

    public boolean reached(ClientStage other) { return compareTo(other) >= 0; }
}
