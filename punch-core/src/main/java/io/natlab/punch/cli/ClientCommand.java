package io.natlab.punch.cli;

import io.natlab.punch.PunchResult;
import io.natlab.punch.Strategy;
import io.natlab.punch.client.Backoff;
import io.natlab.punch.client.HoldConfig;
import io.natlab.punch.client.PunchClient;
import io.natlab.punch.client.PunchConfig;
import io.natlab.punch.protocol.Protocol;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** One punch: exactly one JSON object on stdout, events on stderr, exit 0 direct / 1 failed / 2 usage. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Punch a direct TCP stream to a peer through the rendezvous server. "
                + "Prints one JSON result object on stdout; events go to stderr.")
final class ClientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Every option falls back to its peer-contract variable (docs/peer-contract.md), so the lab can start
    // punch-core exactly like any other implementation: NATLAB_* variables in, one JSON line out.
    @Option(names = "--server", defaultValue = "${env:NATLAB_SERVER}", paramLabel = "HOST:PORT",
            description = "Rendezvous server (default: $NATLAB_SERVER).")
    String server;

    @Option(names = "--id", defaultValue = "${env:NATLAB_ID}",
            description = "Our id (1-64 of A-Z a-z 0-9 . _ -; default: $NATLAB_ID).")
    String id;

    @Option(names = "--peer", defaultValue = "${env:NATLAB_PEER}", description = "The peer's id (default: $NATLAB_PEER).")
    String peer;

    @Option(names = "--token", defaultValue = "${env:NATLAB_TOKEN}",
            description = "Shared token, if the server requires one (default: $NATLAB_TOKEN; empty means none).")
    String token;

    @Option(names = "--local-port", defaultValue = "${env:NATLAB_LOCAL_PORT:-0}",
            description = "Local port shared by every socket (default: one picked by the OS).")
    int localPort;

    @Option(names = "--bind", defaultValue = "${env:NATLAB_BIND}", paramLabel = "ADDR",
            description = "Local address to bind (default: $NATLAB_BIND, else all).")
    String bind;

    @Option(names = "--timeout", defaultValue = "${env:NATLAB_TIMEOUT_MS:-10000}ms",
            description = "Deadline for the whole run, e.g. 10s or 500ms (default: $NATLAB_TIMEOUT_MS ms, else 10s).")
    String timeout;

    @Option(names = "--strategy", defaultValue = "${env:NATLAB_STRATEGY:-listen-connect}",
            description = "listen-connect or connect-only (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--echo", defaultValue = "${env:NATLAB_ECHO_BYTES:-65536}", paramLabel = "BYTES",
            description = "Send this many bytes each way over the punched stream and verify them; 0 skips the check "
                    + "(default: $NATLAB_ECHO_BYTES, else 65536, like a scenario's echo-bytes).")
    long echo;

    @Mixin
    HoldOptions holdOptions = new HoldOptions();

    @Override
    public Integer call() {
        PunchConfig config = parse();
        PrintWriter err = spec.commandLine().getErr();
        PunchResult result = new PunchClient(config, event -> {
            synchronized (err) {
                err.println(event.toLogLine());
                err.flush();
            }
        }).punch();
        PrintWriter out = spec.commandLine().getOut();
        out.println(ResultJson.toJson(result));
        out.flush();
        return result.isDirect() ? PunchCli.EXIT_DIRECT : PunchCli.EXIT_FAILED;
    }

    private PunchConfig parse() {
        require(server, "--server", "NATLAB_SERVER");
        require(id, "--id", "NATLAB_ID");
        require(peer, "--peer", "NATLAB_PEER");
        if (token != null && token.isEmpty() && spec.commandLine().getParseResult().matchedOption("--token") == null) {
            token = null; // NATLAB_TOKEN set but empty: no token
        }
        InetSocketAddress serverAddress = option("--server", () -> HostPort.parse(server));
        if (!Protocol.isValidId(id)) {
            throw usage("--id: must be 1-64 characters of A-Z a-z 0-9 . _ -, got '" + id + "'");
        }
        if (!Protocol.isValidId(peer)) {
            throw usage("--peer: must be 1-64 characters of A-Z a-z 0-9 . _ -, got '" + peer + "'");
        }
        if (id.equals(peer)) {
            throw usage("--peer: must differ from --id");
        }
        if (token != null && Protocol.tokenProblem(token) != null) {
            throw usage("--token: " + Protocol.tokenProblem(token));
        }
        if (localPort < 0 || localPort > 65535) {
            throw usage("--local-port: must be 0..65535, got " + localPort);
        }
        if (echo < 0 || echo > PunchConfig.MAX_ECHO_BYTES) {
            throw usage("--echo: must be 0.." + PunchConfig.MAX_ECHO_BYTES + " bytes, got " + echo);
        }
        Duration deadline = option("--timeout", () -> Durations.parse(timeout));
        Strategy s = option("--strategy", () -> Strategy.parse(strategy));
        InetAddress local = null;
        if (bind != null) {
            try {
                local = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw usage("--bind: unknown address '" + bind + "'");
            }
        }
        HoldConfig hold;
        try {
            hold = holdOptions.toConfig();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage()); // already names the option
        }
        return new PunchConfig(serverAddress, id, peer, token, local, localPort, deadline, s, echo, Backoff.DEFAULT,
                hold);
    }

    private void require(String value, String option, String variable) {
        if (value == null || value.isEmpty()) {
            throw usage("Missing required option: '" + option + "' (or the environment variable " + variable + ")");
        }
    }

    private <T> T option(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw usage(name + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
