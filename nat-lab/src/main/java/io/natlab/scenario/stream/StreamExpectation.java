package io.natlab.scenario.stream;

/** What a held stream is expected to do through the scenario's events; {@code auto} asks {@link StreamOracle}. */
public enum StreamExpectation {
    SURVIVES("survives", "survived"), BREAKS("breaks", "broke"), RECOVERS("recovers", "recovered"), AUTO("auto", null);

    private final String yamlName;
    private final String state;
    StreamExpectation(String yamlName, String state) { this.yamlName = yamlName; this.state = state; }
    public String yamlName() { return yamlName; }
    /** The result state ({@code survived}, {@code broke}, {@code recovered}) that fulfils it; null for auto. */
    public String state() { return state; }
}
