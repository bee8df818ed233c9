package io.natlab.cli;

import io.natlab.interactive.ControlClient;
import io.natlab.interactive.LabState;
import io.natlab.interactive.StateDir;
import io.natlab.lab.DockerAvailability;
import io.natlab.lab.LabStartException;
import io.natlab.lab.LabTeardown;
import io.natlab.report.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code nat-lab down}: removes the interactive lab. Asks its {@code up} process to remove it and exit; when that
 * process is gone (killed), removes the lab's containers and networks by its label. Idempotent.
 */
@Command(name = "down", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Remove the lab 'nat-lab up' started (also when that process was killed).")
public final class DownCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Path dir = StateDir.resolve();
        Optional<LabState> found = UpCommand.readState(dir, err);
        if (found.isEmpty()) {
            out.println("down: no lab is up (no " + StateDir.stateFile(dir) + ")");
            return 0;
        }
        LabState s = found.get();
        if (s.ownerAlive()) {
            try {
                ControlClient.request(Path.of(s.socket()), Map.of("cmd", "down"), out);
            } catch (IOException e) { // not answering: a polite kill, its shutdown hook removes the lab
                ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroy);
            }
            Optional<ProcessHandle> up = ProcessHandle.of(s.pid());
            try {
                if (up.isPresent()) up.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                err.println("down: the 'nat-lab up' process (pid " + s.pid() + ") did not exit within 60 s; removing the lab by its label");
            }
        }
        LogSetup.toFile(dir.resolve("client.log"));
        try {
            var docker = DockerAvailability.client();
            if (LabTeardown.exists(docker, s.labId())) {
                out.println("down: removing what is left of lab " + s.name() + " (id " + s.labId() + ")");
                LabTeardown.remove(docker, s.labId());
            }
        } catch (LabStartException e) {
            err.println("down: " + e.getMessage());
            return 1;
        }
        Files.deleteIfExists(StateDir.stateFile(dir));
        Files.deleteIfExists(StateDir.socket(dir));
        out.println("down: lab " + s.name() + " (id " + s.labId() + ") removed");
        return 0;
    }
}
