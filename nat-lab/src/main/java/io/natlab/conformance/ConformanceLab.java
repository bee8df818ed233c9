package io.natlab.conformance;

import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;
import io.natlab.lab.ExecResult;
import io.natlab.scenario.run.verdict.ClientRun;

import java.nio.file.Path;
import java.time.Duration;

/** What the battery needs from a lab: trials against punch-core, and the implementation run alone. */
public interface ConformanceLab {
    /** A trial against punch-core: the implementation's process, punch-core's, and where the evidence went (or null). */
    record Punch(ClientRun impl, ClientRun counterpart, Path evidence) {}

    /** Echo bytes each side sends in a trial. */
    int echoBytes();

    /** One trial: {@code impl} registers first ({@code implFirst}) or second, punch-core is the other peer. */
    Punch punch(Implementation impl, boolean implFirst);

    /** The rendezvous server's endpoint and token, for runs of the implementation alone. */
    String server();
    String token();

    /** Runs {@code impl} alone on its peer with these inputs; the process is killed at {@code limit}. */
    ExecResult alone(Implementation impl, PeerContract contract, Duration limit);
}
