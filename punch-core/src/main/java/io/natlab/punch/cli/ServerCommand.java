package io.natlab.punch.cli;

import io.natlab.punch.Endpoint;
import io.natlab.punch.Printable;
import io.natlab.punch.protocol.Protocol;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.server.LogLimiter;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import io.natlab.punch.server.ServerDefences;
import io.natlab.punch.server.ServerListener;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    @Option(names = "--max-unregistered", paramLabel = "N",
            description = "Connections allowed before their REGISTER (default: a quarter of --max-connections); "
                    + "the rest is reserved for registered clients.")
    Integer maxUnregistered;

    @Option(names = "--max-unregistered-per-source", paramLabel = "N",
            description = "Unregistered connections one address may hold while the server is busy (default: 64).")
    Integer maxUnregisteredPerSource;

    @Option(names = "--idle-timeout", defaultValue = "60s",
            description = "Close clients silent this long (default: ${DEFAULT-VALUE}).")
    String idleTimeout;

    @Option(names = "--probe-port", defaultValue = "next", paramLabel = "PORT|next|off",
            description = "Port-prediction probe port: a number, next (--port + 1) or off (default: ${DEFAULT-VALUE}).")
    String probePort;

    @Option(names = "--start-delays", paramLabel = "FILE",
            description = "Lab start skew: read when two clients pair; lines 'ID DELAY_MS' (0..60000) hold back that "
                    + "client's START. A missing file means no delays; an invalid one is logged and ignored.")
    java.nio.file.Path startDelays;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > Protocol.MAX_PORT) {
            throw new ParameterException(spec.commandLine(), "--port must be 0.." + Protocol.MAX_PORT + ", got " + port);
        }
        if (maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be >= 1");
        }
        if (token != null && Protocol.tokenProblem(token) != null) {
            throw new ParameterException(spec.commandLine(), "--token " + Protocol.tokenProblem(token));
        }
        ServerDefences defences = ServerDefences.forMaxConnections(maxConnections);
        int unregistered = maxUnregistered == null ? defences.maxUnregistered() : maxUnregistered;
        int perSource = maxUnregisteredPerSource == null ? Math.min(unregistered, defences.maxUnregisteredPerSource())
                : maxUnregisteredPerSource;
        if (unregistered < 1 || unregistered > maxConnections) {
            throw new ParameterException(spec.commandLine(), "--max-unregistered must be 1..--max-connections ("
                    + maxConnections + "), got " + unregistered);
        }
        if (perSource < 1) {
            throw new ParameterException(spec.commandLine(), "--max-unregistered-per-source must be >= 1");
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
                .withTimeouts(defaults.registerTimeout(), idle, defaults.frameTimeout())
                .withDefences(defences.withUnregistered(unregistered, perSource));
        PrintWriter err = spec.commandLine().getErr();
        LogLines log = new LogLines(err, address);
        RendezvousServer server = new RendezvousServer(config, log);
        Integer probe = probePort(port);
        if (startDelays != null) {
            server.withStartDelays(startDelays);
        }
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
        ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "punch-log-summaries");
            t.setDaemon(true);
            return t;
        });
        summaries.scheduleAtFixedRate(log::flushSummaries, 1, 1, TimeUnit.SECONDS);
        try {
            server.awaitStop();
        } finally {
            summaries.shutdownNow();
            log.flushSummaries();
        }
        return 0;
    }

    /**
     * Server events as stderr lines. The runner waits for "registered id=<id> public=<ip:port>". Lines about
     * failures are rate-limited per kind ({@link LogLimiter}); values from clients are escaped ({@link Printable}).
     */
    static final class LogLines implements ServerListener {
        /** Lines of one kind printed per window before the rest are only counted. */
        static final int LINES_PER_WINDOW = 20;
        static final Duration WINDOW = Duration.ofSeconds(10);

        private final PrintWriter err;
        private final InetAddress bindAddress;
        private final LogLimiter limiter;

        LogLines(PrintWriter err, InetAddress bindAddress) {
            this(err, bindAddress, new LogLimiter(LINES_PER_WINDOW, WINDOW, System::nanoTime));
        }

        LogLines(PrintWriter err, InetAddress bindAddress, LogLimiter limiter) {
            this.err = err;
            this.bindAddress = bindAddress;
            this.limiter = limiter;
        }

        private void line(String s) {
            synchronized (err) {
                err.println(s);
                err.flush();
            }
        }

        private void limited(String kind, String s) {
            limiter.offer(kind, s).forEach(this::line);
        }

        void flushSummaries() {
            limiter.due().forEach(this::line);
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
        public void startDelayed(String id, long delayMs) {
            line("start delayed id=" + id + " ms=" + delayMs);
        }

        @Override
        public void rejected(Endpoint remote, String id, ErrorCode code, String message) {
            limited("rejected code=" + code, "rejected remote=" + remote + (id == null ? "" : " id=" + id) + " code="
                    + code + " message=\"" + Printable.escape(message).replace('"', '\'') + "\"");
        }

        @Override
        public void disconnected(Endpoint remote, String id, String reason) {
            if (id == null && reason.startsWith("closed after error")) {
                return; // its "rejected" line already said why: one line per failed connection
            }
            limited(id == null ? "disconnected unregistered" : "disconnected", "disconnected remote=" + remote
                    + (id == null ? "" : " id=" + id) + " reason=\"" + Printable.escape(reason) + "\"");
        }

        @Override
        public void fault(String what, Throwable error) {
            limited("fault", "fault " + what + ": " + Printable.escape(String.valueOf(error)));
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
