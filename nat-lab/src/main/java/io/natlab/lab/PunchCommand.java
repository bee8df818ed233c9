package io.natlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place punch command lines are built, for the rendezvous server and for clients. Both run through the
 * peer image's {@code punch} wrapper (docker/peer/punch), which starts the JVM with the flags for a short-lived
 * process and the class-data-sharing archive the image builds; calling {@code java -jar} directly would miss it.
 */
public final class PunchCommand {
    private PunchCommand() {}

    /** The wrapper's name on the peer image's PATH. */
    public static final String WRAPPER = "punch";

    /** Where the lab's rendezvous server reads per-trial START delays (start skew); written before a skewed trial. */
    public static final String START_DELAYS_FILE = "/tmp/natlab-start-delays";

    /** {@code punch server --port P --start-delays FILE [--token T]}. */
    public static List<String> server(int port, String token) {
        List<String> cmd = new ArrayList<>(List.of(WRAPPER, "server", "--port", Integer.toString(port),
            "--start-delays", START_DELAYS_FILE));
        if (token != null) cmd.add("--token=" + token); // one word: a value can never read as another option
        return List.copyOf(cmd);
    }

    /** {@code punch agent}: the warm peer that runs client after client on request (docs/peer-contract.md). */
    public static List<String> agent() {
        return List.of(WRAPPER, "agent");
    }

    /**
     * {@code punch client ...} for one side of one trial.
     *
     * @param server    the rendezvous endpoint, host:port
     * @param strategy  the strategy as the CLI spells it
     * @param echoBytes bytes to echo each way after the punch
     */
    public static List<String> client(String server, String id, String peerId, int localPort, Duration timeout,
                                      String strategy, int echoBytes, String token) {
        List<String> cmd = new ArrayList<>(List.of(WRAPPER, "client", "--server", server, "--id", id, "--peer", peerId,
            "--local-port", Integer.toString(localPort), "--timeout", timeout.toMillis() + "ms",
            "--strategy", strategy, "--echo", Integer.toString(echoBytes)));
        if (token != null) cmd.add("--token=" + token); // one word: a value can never read as another option
        return List.copyOf(cmd);
    }
}
