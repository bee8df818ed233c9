package io.natlab.scenario;

import io.natlab.punch.Outcome;

/** What a pair is expected to do: {@code auto} asks the theory oracle. */
public enum Expectation {
    DIRECT("direct"), FAILED("failed"), AUTO("auto");

    private final String yamlName;
    Expectation(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }

    /** The outcome this expects; {@code auto} has none until the oracle resolves it. */
    public Outcome outcome() {
        return switch (this) {
            case DIRECT -> Outcome.DIRECT;
            case FAILED -> Outcome.FAILED;
            case AUTO -> throw new IllegalStateException("resolve auto before asking for its outcome");
        };
    }
}
