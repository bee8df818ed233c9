package io.natlab.scenario.run;

import io.natlab.lab.ExecResult;

/** One punch client process: what it printed and what that means. */
record ClientRun(String peer, String id, String command, ExecResult exec, ClientReport report) {
    static ClientRun notStarted(String peer, String id, String why) {
        return new ClientRun(peer, id, "", null, ClientReport.failure(why));
    }
}
