package io.natlab.conformance;

/** One conformance check: its name, whether it passed, and one sentence saying what was seen. */
public record CheckResult(String name, boolean passed, String message) {
    public static CheckResult pass(String name, String message) { return new CheckResult(name, true, message); }
    public static CheckResult fail(String name, String message) { return new CheckResult(name, false, message); }

    /** {@code PASS  name  message}, one line. */
    public String line() {
        return String.format("%s  %-16s %s", passed ? "PASS" : "FAIL", name, message.replaceAll("\\R", " "));
    }
}
