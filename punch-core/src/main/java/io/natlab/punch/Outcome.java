package io.natlab.punch;

/** Whether a punch produced a direct, authenticated stream. */
public enum Outcome {
    DIRECT, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
