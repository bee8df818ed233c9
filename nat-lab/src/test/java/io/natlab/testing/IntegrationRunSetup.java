package io.natlab.testing;

import io.natlab.host.HostEnvironment;
import io.natlab.report.LogSetup;
import io.natlab.report.ReportFolder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs once in the failsafe JVM (the only one given {@code natlab.reportDir}), before the first test: applies the
 * host's {@code /etc/natlab/env} (see {@link HostEnvironment}), empties the
 * report folder of an earlier run and sends the log there, as {@code nat-lab.jar run} does, so both ways of running
 * leave {@code natlab.log} next to {@code report.html}. It must come first: slf4j-simple reads its log file setting
 * once, when the first logger is made. Registered in {@code META-INF/services}.
 */
public final class IntegrationRunSetup implements LauncherSessionListener {
    private static final AtomicBoolean DONE = new AtomicBoolean();

    @Override public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("natlab.reportDir");
        if (dir == null || dir.isBlank() || !DONE.compareAndSet(false, true)) return;
        Path report = Path.of(dir).toAbsolutePath().normalize();
        try {
            HostEnvironment.apply(); // what docker/prepare-host.sh left, before Testcontainers starts
            ReportFolder.prepare(report, null);
            LogSetup.toFile(report.resolve("natlab.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the report folder " + report, e);
        }
    }
}
