package io.natlab.cli;

import io.natlab.host.HostEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;

/** {@code java -jar nat-lab.jar validate|run ...} */
@Command(name = "nat-lab", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Real Docker NAT labs from YAML, and the TCP hole-punching scenario runner.",
    subcommands = {ValidateCommand.class, RunCommand.class, MergeCommand.class, ConformanceCommand.class,
        UpCommand.class, ExecCommand.class, LabPunchCommand.class, DownCommand.class, CompareCommand.class})
public final class NatLabCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: validate or run");
    }

    public static void main(String[] args) {
        try {
            HostEnvironment.apply(); // what docker/prepare-host.sh left for this host, before Testcontainers starts
        } catch (IllegalArgumentException e) {
            System.err.println("nat-lab: " + e.getMessage());
            System.exit(2);
        } catch (IOException | IllegalStateException e) {
            System.err.println("nat-lab: warning: " + e.getMessage());
        }
        System.exit(execute(args));
    }

    /** Exit codes: 0 success, 1 invalid input / failed verdicts, 2 usage errors. */
    public static int execute(String... args) {
        return commandLine().execute(args); // picocli: usage errors exit 2
    }

    /** The command tree, for callers (and tests) that redirect its output. */
    static CommandLine commandLine() {
        return new CommandLine(new NatLabCli());
    }
}
