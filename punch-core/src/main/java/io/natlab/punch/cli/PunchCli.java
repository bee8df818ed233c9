package io.natlab.punch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar punch.jar server|client ...}. Exit status: 0 direct (or server stopped), 1 failed,
 * 2 usage error.
 */
@Command(name = "punch", mixinStandardHelpOptions = true, versionProvider = PunchCli.Version.class,
        description = "TCP hole punching: rendezvous server, client, and a warm client agent.",
        subcommands = {ServerCommand.class, ClientCommand.class, AgentCommand.class})
public final class PunchCli implements Callable<Integer> {
    public static final int EXIT_DIRECT = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use 'server' or 'client'");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit status (used by main and by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PunchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e);
            return EXIT_FAILED;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PunchCli.class.getPackage().getImplementationVersion();
            return new String[] {"punch " + (v == null ? "dev" : v) + ", wire protocol v"
                    + io.natlab.punch.protocol.Protocol.VERSION};
        }
    }
}
