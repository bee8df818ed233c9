package io.natlab.punch.cli;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import io.natlab.punch.server.ServerListener;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the rendezvous server until the process is stopped; one stderr line per event. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the rendezvous server until killed. Logs one line per event to stderr.")
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7000", description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--token", description = "Shared token every client must present.")
    String token;

    @Option(names = "--max-connections", defaultValue = "10000",
            description = "Connections served at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--idle-timeout", defaultValue = "60s",
            description = "Close clients silent this long (default: ${DEFAULT-VALUE}).")
    String idleTimeout;

    @Option(names = "--probe-port", defaultValue = "next", paramLabel = "PORT|next|off",
            description = "Port-prediction probe port: a number, next (--port + 1) or off (default: ${DEFAULT-VALUE}).")
    String probePort;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        if (maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be >= 1");
        }
        if (token != null && (token.isEmpty() || token.length() > io.natlab.punch.protocol.Protocol.MAX_TOKEN_CHARS)) {
            throw new ParameterException(spec.commandLine(), "--token must be 1.."
                    + io.natlab.punch.protocol.Protocol.MAX_TOKEN_CHARS + " characters");
        }
        Duration idle;
        InetAddress address;
        try {
            idle = Durations.parse(idleTimeout);
            address = InetAddress.getByName(bind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--idle-timeout: " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
        ServerConfig defaults = ServerConfig.defaults(new InetSocketAddress(address, port));
        ServerConfig config = defaults.withToken(token).withMaxConnections(maxConnections)
                .withTimeouts(defaults.registerTimeout(), idle, defaults.frameTimeout());
        PrintWriter err = spec.commandLine().getErr();
        RendezvousServer server = new RendezvousServer(config, new LogLines(err, address));
        Integer probe = probePort(port);
        if (probe != null) {
            server.withPortProbe(new InetSocketAddress(address, probe));
        }
        try {
            server.start();
        } catch (java.io.IOException e) {
            err.println("cannot listen on " + config.bind() + ": " + e.getMessage());
            return PunchCli.EXIT_FAILED;
        }
        if (server.probePort() != 0) {
            err.println("port probe on " + address.getHostAddress() + ":" + server.probePort());
            err.flush();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "punch-server-shutdown"));
        server.awaitStop();
        return 0;
    }

    /** Server events as stderr lines. The runner waits for "registered id=<id> public=<ip:port>". */
    static final class LogLines implements ServerListener {
        private final PrintWriter err;
        private final InetAddress bindAddress;

        LogLines(PrintWriter err, InetAddress bindAddress) {
            this.err = err;
            this.bindAddress = bindAddress;
        }

        private void line(String s) {
            err.println(s);
            err.flush();
        }

        @Override
        public void listening(InetSocketAddress address) {
            // Report the address as configured (the OS shows 0.0.0.0 as the IPv6 wildcard).
            line("listening on " + new Endpoint(bindAddress, address.getPort()));
        }

        @Override
        public void registered(String id, Endpoint publicEndpoint, Endpoint privateEndpoint) {
            line("registered id=" + id + " public=" + publicEndpoint);
        }

        @Override
        public void paired(String a, String b, String session) {
            line("paired a=" + a + " b=" + b + " session=" + session);
        }

        @Override
        public void rejected(Endpoint remote, String id, ErrorCode code, String message) {
            line("rejected remote=" + remote + (id == null ? "" : " id=" + id) + " code=" + code
                    + " message=\"" + message.replace('"', '\'') + "\"");
        }

        @Override
        public void disconnected(Endpoint remote, String id, String reason) {
            line("disconnected remote=" + remote + (id == null ? "" : " id=" + id) + " reason=\"" + reason + "\"");
        }

        @Override
        public void fault(String what, Throwable error) {
            line("fault " + what + ": " + error);
        }
    }

    /** The probe port to bind, or null for none; "next" is the main port + 1 (0 stays 0: any free port). */
    private Integer probePort(int mainPort) {
        switch (probePort) {
            case "off":
                return null;
            case "next":
                return mainPort == 0 ? 0 : mainPort < 65535 ? mainPort + 1 : null;
            default:
                try {
                    int p = Integer.parseInt(probePort);
                    if (p >= 0 && p <= 65535 && (p != mainPort || p == 0)) {
                        return p;
                    }
                } catch (NumberFormatException ignored) {
                    // Falls through to the usage error.
                }
                throw new ParameterException(spec.commandLine(), "--probe-port: must be 0..65535 other than --port, "
                        + "next or off, got '" + probePort + "'");
        }
    }
}
