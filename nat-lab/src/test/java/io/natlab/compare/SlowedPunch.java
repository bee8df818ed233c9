package io.natlab.compare;

import io.natlab.punch.cli.PunchCli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately slowed punch-core build for CompareIT, made by the test (never shipped): punch-core's own CLI, whose
 * event log on stderr holds up for {@link #DELAY_MS} ms once the {@code instructed} event is written. The client
 * writes its events synchronously, right after START and before it sends its first SYN, so every punch starts that
 * much later: time to punch grows by the delay, nothing else changes. The test packs this class into a copy of
 * punch.jar as its Main-Class.
 */
public final class SlowedPunch {
    static final long DELAY_MS = 1000;

    private SlowedPunch() {
    }

    public static void main(String[] args) {
        Writer stderr = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
        System.exit(PunchCli.execute(args, new PrintWriter(System.out, true), new PrintWriter(new Delaying(stderr), true)));
    }

    /** Passes text through; after a line holding " instructed ", sleeps. */
    static final class Delaying extends FilterWriter {
        private final StringBuilder line = new StringBuilder();

        Delaying(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] != '\n') {
                    line.append(buf[i]);
                    continue;
                }
                boolean instructed = line.indexOf(" instructed ") >= 0;
                line.setLength(0);
                if (instructed) {
                    out.flush();
                    try {
                        Thread.sleep(DELAY_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }
}
