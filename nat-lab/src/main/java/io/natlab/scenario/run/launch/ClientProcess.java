package io.natlab.scenario.run.launch;

import io.natlab.lab.ExecResult;
import io.natlab.scenario.ProcessMode;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One punch client of one trial, launched fresh or on a warm agent: watched until it ends, stoppable at once. */
public interface ClientProcess {
    ProcessMode mode();

    /** The client command line as the runner issued it (for the record and for reruns). */
    String command();

    Instant launched();

    /** When it ended, null while it runs. */
    Instant ended();

    /** Waits until the rendezvous server registered it (true), or it ended or {@code max} passed first (false). */
    boolean awaitRegistered(Duration max);

    /** Its exit status, stdout (the JSON result) and stderr (the event log); always completes, at the latest at its limit. */
    CompletableFuture<ExecResult> done();

    /** Ends it now: its outcome can no longer change the trial's. */
    void stop();
}
