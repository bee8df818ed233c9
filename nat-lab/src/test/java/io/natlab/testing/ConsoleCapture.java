package io.natlab.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures {@code System.out} and {@code System.err} around each test, for commands that print to the console:
 * {@code @RegisterExtension final ConsoleCapture console = new ConsoleCapture();} then {@code console.err()}.
 * The streams are restored after each test, also when it fails.
 */
public final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        out.reset();
        err.reset();
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** What the test printed on standard output so far. */
    public String out() { return out.toString(StandardCharsets.UTF_8); }

    /** Forgets what was printed so far, so a test can check two commands one after the other. */
    public void reset() {
        out.reset();
        err.reset();
    }

    /** What the test printed on standard error so far. */
    public String err() { return err.toString(StandardCharsets.UTF_8); }
}
