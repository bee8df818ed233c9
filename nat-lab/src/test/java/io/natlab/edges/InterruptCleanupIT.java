package io.natlab.edges;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An interrupted {@code nat-lab.jar run} (Ctrl-C, or a polite kill) leaves no container and no network of its labs
 * behind: the child is signalled while its lab runs trials, and while the lab is still being built.
 *
 * <p>The child's signal dispositions are set explicitly, never inherited: a background job ({@code mvn verify &}
 * in a script, some CI runners) starts with SIGINT ignored, its children inherit that, and a JVM keeps an ignored
 * SIGINT ignored. The Ctrl-C tests start the child as a terminal's foreground job would (SIGINT default); the
 * SIGTERM test starts it as a script's background job (SIGINT ignored), where SIGINT must change nothing and
 * SIGTERM must still clean up.
 */
class InterruptCleanupIT {
    private static final Duration LAB_UP = Duration.ofMinutes(3); // the first run on a host may build the images
    private static final Duration CLEANUP = Duration.ofSeconds(60);

    private NatLabProcess child;

    @AfterEach void removeWhatAFailureLeft() {
        if (child == null) return;
        child.close();
        LabObjects.removeLeftovers(child.pid());
    }

    @Test
    void ctrlCWhileTrialsRunLeavesNothingBehind(TestInfo test) {
        child = startRun(test);
        await("first trial of pid " + child.pid()).atMost(LAB_UP).pollInterval(Duration.ofMillis(200))
            .until(() -> failIfExited() && child.stdout().contains(" trial 1/") && !LabObjects.containers(child.pid()).isEmpty());
        interruptAndAssertClean("INT");
    }

    @Test
    void sigtermWhileTrialsRunLeavesNothingBehindAlsoInABackgroundJobThatIgnoresSigint(TestInfo test) {
        child = startRun(test, NatLabProcess.BACKGROUND_JOB);
        await("lab up of pid " + child.pid()).atMost(LAB_UP).pollInterval(Duration.ofMillis(200))
            .until(() -> failIfExited() && child.stdout().contains("lab up") && !LabObjects.containers(child.pid()).isEmpty());
        child.signal("INT"); // ignored, as its parent asked: a script's Ctrl-C is not meant for its background jobs
        await("pid " + child.pid() + " ignoring SIGINT").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
            .until(() -> child.isAlive() && child.stderr().isBlank());
        interruptAndAssertClean("TERM");
    }

    /** Networks are being created: a network made a moment after the hook looked was once left behind. */
    @Test
    void ctrlCWhileTheFirstNetworksAreCreatedLeavesNothingBehind(TestInfo test) {
        child = startRun(test);
        await("first network of pid " + child.pid()).atMost(LAB_UP).pollInterval(Duration.ofMillis(20))
            .until(() -> failIfExited() && !LabObjects.networks(child.pid()).isEmpty());
        interruptAndAssertClean("INT");
    }

    /** Containers are being created and configured by a pool of threads. */
    @Test
    void ctrlCWhileContainersAreCreatedLeavesNothingBehind(TestInfo test) {
        child = startRun(test);
        await("first container of pid " + child.pid()).atMost(LAB_UP).pollInterval(Duration.ofMillis(50))
            .until(() -> failIfExited() && !LabObjects.containers(child.pid()).isEmpty());
        String before = child.stdout();
        interruptAndAssertClean("INT");
        System.out.println("[info] signalled " + (before.contains("lab up") ? "after" : "before") + " the lab was up");
    }

    private NatLabProcess startRun(TestInfo test) {
        return startRun(test, NatLabProcess.FOREGROUND_JOB);
    }

    private NatLabProcess startRun(TestInfo test, List<String> dispositions) {
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges").resolve(test.getTestMethod().orElseThrow().getName());
        // Many trials, so the run is surely still going when the signal arrives.
        return NatLabProcess.start(work, dispositions, Map.of(), "run", NatLabProcess.resource("small-pair.yaml").toString(),
            "--trials", "40", "--report", work.resolve("report").toString());
    }

    private boolean failIfExited() {
        if (!child.isAlive())
            throw new AssertionError("nat-lab.jar exited (" + child.awaitExit(Duration.ZERO) + ") before the signal\n" + child.transcript());
        return true;
    }

    /** Nothing of the child's labs is left, it says it was interrupted (one line, no stack trace) and fails. */
    private void interruptAndAssertClean(String signal) {
        long pid = child.pid();
        List<String> before = LabObjects.describe(pid);
        long t0 = System.nanoTime();
        child.signal(signal);
        int exit = child.awaitExit(CLEANUP);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[info] SIG%s to pid %d with %d objects: exit %d after %d ms (output: %s)%n", signal, pid, before.size(),
            exit, ms, child.outputFiles());
        // Shutdown hooks finish before the JVM exits: nothing may be left at this moment, not "eventually".
        assertThat(LabObjects.describe(pid)).as("left behind by pid %d after SIG%s\n%s", pid, signal, child.transcript()).isEmpty();
        assertThat(exit).as("exit code after SIG%s\n%s", signal, child.transcript()).isEqualTo("INT".equals(signal) ? 130 : 143);
        assertThat(child.stderr().strip()).as("stderr after SIG%s", signal)
            .isEqualTo("run: interrupted; removing the labs' containers and networks");
        assertThat(child.stdout()).as("no summary of a run cut short").doesNotContain("Report:");
    }
}
