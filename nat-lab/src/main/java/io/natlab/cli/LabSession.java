package io.natlab.cli;

import io.natlab.interactive.LabState;
import io.natlab.interactive.StateDir;
import io.natlab.punch.Printable;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** How exec, punch and down find the interactive lab: its state file, with one clear line when there is none. */
final class LabSession {
    private LabSession() {}

    /** The lab that is up, or empty after printing why there is none. */
    static Optional<LabState> find(String command, PrintWriter err) {
        Path dir = StateDir.resolve();
        Optional<LabState> s = UpCommand.readState(dir, err);
        if (s.isEmpty()) err.println(command + ": no lab is up (no " + StateDir.stateFile(dir) + "); start one with 'nat-lab up FILE'");
        return s;
    }

    /** The host named {@code name}, or an error line naming the lab's hosts. */
    static Optional<LabState.Host> host(String command, LabState s, String name, boolean peersOnly, PrintWriter err) {
        Optional<LabState.Host> h = s.host(name).filter(x -> !peersOnly || x.isPeer());
        if (h.isEmpty()) err.println(command + ": no " + (peersOnly ? "peer" : "host") + " '" + Printable.escape(name)
            + "' in lab " + s.name() + "; " + (peersOnly ? "peers: " + String.join(", ", s.peerNames())
            : "hosts: " + String.join(", ", s.hostNames())));
        return h;
    }
}
