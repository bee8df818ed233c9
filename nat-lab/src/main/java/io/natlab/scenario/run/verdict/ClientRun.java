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
 * @param process  how it ran: "warm" (a trial on the peer's agent) or "fresh" (a process of its own); null when it
 *                 never started
 */
public record ClientRun(String peer, String id, String command, ExecResult exec, ClientReport report, Duration timeout,
                 Instant launched, Instant ended, boolean stopped, String process) {

    /** A fresh client process. */
    public ClientRun(String peer, String id, String command, ExecResult exec, ClientReport report, Duration timeout,
                     Instant launched, Instant ended, boolean stopped) {
        this(peer, id, command, exec, report, timeout, launched, ended, stopped, "fresh");
    }

    public static ClientRun notStarted(String peer, String id, Duration timeout, String why) {
        return new ClientRun(peer, id, "", null, ClientReport.failure(why), timeout, null, null, false, null);
    }

    public ClientEvents events() { return exec == null ? ClientEvents.NONE : ClientEvents.parse(exec.stderr()); }

    public ClientRun withReport(ClientReport r, boolean stoppedByRunner) {
        return new ClientRun(peer, id, command, exec, r, timeout, launched, ended, stoppedByRunner, process);
    }
}
