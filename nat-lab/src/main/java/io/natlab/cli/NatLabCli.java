package io.natlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar nat-lab.jar validate|run ...} */
@Command(name = "nat-lab", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Real Docker NAT labs from YAML, and the TCP hole-punching scenario runner.",
    subcommands = {ValidateCommand.class, RunCommand.class, MergeCommand.class})
public final class NatLabCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: validate or run");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Exit codes: 0 success, 1 invalid input / failed verdicts, 2 usage errors. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new NatLabCli()); // picocli: usage errors exit 2
        return cl.execute(args);
    }
}
