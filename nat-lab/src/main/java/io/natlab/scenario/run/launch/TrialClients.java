package io.natlab.scenario.run.launch;

import io.natlab.lab.ExecResult;
import io.natlab.scenario.run.verdict.ClientReport;
import io.natlab.scenario.run.verdict.ClientRun;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs one trial's two clients and ends the trial as soon as its outcome is known: the second is launched once the
 * first has registered; when either side ends without a direct stream, the other is stopped at once (a trial needs
 * both), so no trial waits out a deadline once nothing can change any more. Works on {@link ClientProcess}, fresh or
 * warm alike.
 */
public final class TrialClients {
    private TrialClients() {}

    /**
     * One side of the trial.
     *
     * @param launch starts its client
     */
    public record Side(String peer, String id, Duration timeout, Supplier<ClientProcess> launch) {}

    public record Runs(ClientRun first, ClientRun second) {}

    /**
     * @param registration how long the first client may take to register before the trial gives up on it
     */
    public static Runs run(Side first, Side second, Duration registration) {
        ClientProcess a = first.launch().get();
        if (!a.awaitRegistered(registration)) {
            boolean stopped = !a.done().isDone();
            if (stopped) a.stop(); // it never registered: the trial cannot succeed any more
            ClientRun notStarted = ClientRun.notStarted(second.peer(), second.id(), second.timeout(), "not started: the "
                + "first client did not register with the rendezvous server before it ended or "
                + registration.toMillis() + " ms passed");
            return new Runs(collect(first, a, stopped, "the second client could not start"), notStarted);
        }
        ClientProcess b = second.launch().get();
        CompletableFuture.anyOf(a.done(), b.done()).join();
        boolean aFirst = a.done().isDone();
        ClientProcess ended = aFirst ? a : b, other = aFirst ? b : a;
        boolean stopOther = !direct(ended.done().join()) && !other.done().isDone();
        if (stopOther) other.stop();
        return new Runs(
            collect(first, a, stopOther && other == a, "the second client failed"),
            collect(second, b, stopOther && other == b, "the first client failed"));
    }

    private static boolean direct(ExecResult r) { return ClientReport.parse(r.stdout(), r.exitCode()).direct(); }

    private static ClientRun collect(Side side, ClientProcess p, boolean stopped, String because) {
        ExecResult r = p.done().join();
        ClientReport report = ClientReport.parse(r.stdout(), r.exitCode());
        if (r.exitCode() == -1 && report.error() == null) report = ClientReport.failure("client killed at exec timeout");
        // A stopped client's own words ("stopped on request", or nothing at all) say less than why it was stopped.
        if (stopped && !report.direct() && report.error() != null
                && (report.error().startsWith("client printed no JSON") || report.error().equals("stopped on request")))
            report = ClientReport.failure("stopped by the runner after " + because);
        return new ClientRun(side.peer(), side.id(), p.command(), r, report, side.timeout(), p.launched(), p.ended(),
            stopped, p.mode().yamlName());
    }
}
