package io.natlab.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import io.natlab.interactive.LabState;
import io.natlab.interactive.StateDir;
import io.natlab.lab.DockerAvailability;
import io.natlab.lab.LabStartException;
import io.natlab.report.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nat-lab exec HOST -- CMD...}: runs a command in a host of the interactive lab; exits with its exit code. */
@Command(name = "exec", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Run a command (argv, no shell) in a host of the lab 'nat-lab up' started; put -- before it.")
public final class ExecCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "A peer, router (site name), rendezvous or probe.")
    String host;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Optional<LabState> s = LabSession.find("exec", err);
        if (s.isEmpty()) return 1;
        Optional<LabState.Host> h = LabSession.host("exec", s.get(), host, false, err);
        if (h.isEmpty()) return 2;
        LogSetup.toFile(StateDir.resolve().resolve("client.log"));
        try {
            DockerClient docker = DockerAvailability.client();
            String execId = docker.execCreateCmd(h.get().container()).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command.toArray(String[]::new)).exec().getId();
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override public void onNext(Frame f) {
                    PrintWriter to = f.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR ? err : out;
                    to.print(new String(f.getPayload(), StandardCharsets.UTF_8));
                    to.flush();
                }
            }).awaitCompletion();
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return code == null ? 1 : code.intValue();
        } catch (DockerException | LabStartException e) {
            err.println("exec: " + host + ": " + e.getMessage().strip() + " (is the lab still up? 'nat-lab down' cleans up, 'nat-lab up FILE' starts it again)");
            return 1;
        }
    }
}
