package io.natlab.lab;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

/**
 * Waits until the rendezvous server listens: its port shows in the container's listening sockets ({@code ss}).
 * The probe asks the container once per poll, so a server that never comes up fails within the ready timeout
 * with its own log.
 */
final class RendezvousReadiness {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    private RendezvousReadiness() {}

    static void waitFor(LabHost server, int port, LabOptions options) {
        try {
            Awaitility.await("rendezvous server listening on " + port)
                .atMost(options.readyTimeout())
                .pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> listening(server, port));
        } catch (ConditionTimeoutException e) {
            throw new LabStartException("the rendezvous server did not listen on port " + port + " within "
                + options.readyTimeout().toSeconds() + " s (is " + options.punchJar() + " a working punch.jar?); its log:\n"
                + server.logs().strip());
        }
    }

    static boolean listening(LabHost server, int port) {
        ExecResult r = server.exec(PROBE_TIMEOUT, "ss", "-Hltn", "sport = :" + port);
        return r.ok() && !r.stdout().isBlank();
    }
}
