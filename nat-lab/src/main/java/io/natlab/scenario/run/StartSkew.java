package io.natlab.scenario.run;

import io.natlab.lab.ExecResult;
import io.natlab.lab.Lab;
import io.natlab.lab.PunchCommand;

import java.time.Duration;

/**
 * Start skew for one trial: before the clients start, tells the lab's rendezvous server (through its
 * {@code --start-delays} file) to hold back the second client's START by the plan's skew. Clients see nothing but
 * timing. The file is replaced whole ({@code mv}), so the server never reads half of it; ids are unique per trial,
 * so an earlier trial's line can never delay this one.
 */
final class StartSkew {
    private StartSkew() {}

    /** Writes the delay for {@code secondId}; nothing at no skew. Throws when the server's container refused it. */
    static void announce(Lab lab, String secondId, Duration skew) {
        if (skew.isZero()) return;
        String line = line(secondId, skew);
        String file = PunchCommand.START_DELAYS_FILE;
        ExecResult r = lab.rendezvous().exec(Duration.ofSeconds(10), "sh", "-c",
            "printf '%s\\n' \"$1\" > \"$2.tmp\" && mv \"$2.tmp\" \"$2\"", "sh", line, file);
        if (!r.ok()) throw new IllegalStateException("could not write the start delay to the rendezvous server's " + file
            + " (exit " + r.exitCode() + "): " + (r.stderr() + r.stdout()).strip());
    }

    /** {@code bob-t3 200}; the id and range are checked here, where they leave for a shell argument. */
    static String line(String id, Duration skew) {
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("not a client id: '" + id + "'");
        long ms = skew.toMillis();
        if (ms < 0 || ms > 60_000 || !skew.equals(Duration.ofMillis(ms)))
            throw new IllegalArgumentException("start skew must be whole ms 0..60000, got " + skew);
        return id + " " + ms;
    }

    /** A client's deadline with the skew added: the later START comes that much later for both clients. */
    static Duration deadline(Duration timeout, Duration skew) { return timeout.plus(skew); }
}
