package io.natlab.punch.cli;

import io.natlab.punch.client.HoldConfig;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The client's hold options (optional {@code hold} and {@code recover} parts of the peer contract), each with
 * its NATLAB_* fallback like the other options. {@link #toConfig()} validates them; its messages name the option.
 */
final class HoldOptions {
    @Option(names = "--hold", defaultValue = "${env:NATLAB_HOLD_MS:-0}ms", paramLabel = "DURATION",
            description = "After the punch and echo, hold the stream this long with heartbeats, e.g. 10s "
                    + "(default: $NATLAB_HOLD_MS ms, else 0 = no hold).")
    String hold;

    @Option(names = "--heartbeat", defaultValue = "${env:NATLAB_HEARTBEAT_MS:-200}ms", paramLabel = "DURATION",
            description = "Heartbeat interval during the hold (default: $NATLAB_HEARTBEAT_MS ms, else 200ms).")
    String heartbeat;

    @Option(names = "--idle-timeout", defaultValue = "${env:NATLAB_IDLE_TIMEOUT_MS:-1000}ms", paramLabel = "DURATION",
            description = "Declare the held stream dead when nothing arrived from the peer for this long "
                    + "(default: $NATLAB_IDLE_TIMEOUT_MS ms, else 1s).")
    String idleTimeout;

    @Option(names = "--recover", arity = "0..1", fallbackValue = "1", defaultValue = "${env:NATLAB_RECOVER:-0}",
            paramLabel = "1|0",
            description = "After a detected break, re-punch through the rendezvous server and resume the stream "
                    + "(default: $NATLAB_RECOVER, 1 = on).")
    String recover;

    /** The hold configuration; IllegalArgumentException with the option's name on bad input. */
    HoldConfig toConfig() {
        Duration h = duration("--hold", hold, true);
        Duration beat = duration("--heartbeat", heartbeat, false);
        Duration idle = duration("--idle-timeout", idleTimeout, false);
        boolean r = switch (recover == null ? "" : recover.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "", "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--recover: must be 1 or 0, got '" + recover + "'");
        };
        try {
            return new HoldConfig(h, beat, idle, r);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String option = m.startsWith("hold") ? "--hold" : m.startsWith("heartbeat") ? "--heartbeat" : "--idle-timeout";
            throw new IllegalArgumentException(option + ": " + m);
        }
    }

    /** Durations.parse, but {@code 0} (in any unit) means no hold where allowed. */
    private static Duration duration(String option, String text, boolean zeroAllowed) {
        String t = text == null ? "" : text.trim();
        if (zeroAllowed && t.matches("0+(ms|s|m)?")) {
            return Duration.ZERO;
        }
        try {
            return Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
