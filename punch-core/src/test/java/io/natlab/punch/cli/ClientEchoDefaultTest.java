package io.natlab.punch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The README's client example (no --echo, 65536 bytes verified) and the option's default agree. */
class ClientEchoDefaultTest {
    @Test
    void echoDefaultsToAScenariosEchoBytes() {
        StringWriter out = new StringWriter();
        int exit = PunchCli.execute(new String[] {"client", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--echo=BYTES").contains("(default: $NATLAB_ECHO_BYTES, else 65536, like a scenario's echo-bytes)");
    }
}
