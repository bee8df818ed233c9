package io.natlab.scenario;

/** What a pair is expected to do: {@code auto} asks the theory oracle. */
public enum Expectation {
    DIRECT("direct"), FAILED("failed"), AUTO("auto");

    private final String yamlName;
    Expectation(String yamlName) { this.yamlName = yamlName; }
    public String yamlName() { return yamlName; }
}
