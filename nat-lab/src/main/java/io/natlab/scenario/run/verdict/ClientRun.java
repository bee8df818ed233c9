package io.natlab.scenario.run.verdict;

import io.natlab.lab.ExecResult;

import java.time.Duration;
import java.time.Instant;

/**
 * One punch client process: what it printed and what that means.
 *
 * @param timeout  the {@code --timeout} it was given
 * @param launched when the runner launched it (null when it never was)
 * @param ended    when its exec returned (null when it never was launched)
 * @param stopped  the runner stopped it before its deadline
 */
public record ClientRun(String peer, String id, String command, ExecResult exec, ClientReport report, Duration timeout,
                 Instant launched, Instant ended, boolean stopped) {

    public static ClientRun notStarted(String peer, String id, Duration timeout, String why) {
        return new ClientRun(peer, id, "", null, ClientReport.failure(why), timeout, null, null, false);
    }

    public ClientEvents events() { return exec == null ? ClientEvents.NONE : ClientEvents.parse(exec.stderr()); }

    public ClientRun withReport(ClientReport r, boolean stoppedByRunner) {
        return new ClientRun(peer, id, command, exec, r, timeout, launched, ended, stoppedByRunner);
    }
}
