package io.natlab.scenario.run;

import io.natlab.lab.ExecResult;
import io.natlab.lab.HostRole;
import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;
import io.natlab.lab.RouterHost;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A lab without Docker: peers "run" the punch client by asking {@code clients} what JSON to print; the rendezvous
 * log shows a registration as soon as a client starts. Records every command for assertions.
 */
final class FakeLab implements Lab {
    /** Client invocation as the runner issued it. */
    record ClientCall(String host, List<String> args) {
        /** A flag's value, or the peer contract's variable for it ({@code --id}: {@code NATLAB_ID=...}). */
        String flag(String name) {
            if (args.contains(name)) return args.get(args.indexOf(name) + 1);
            String env = "NATLAB_" + name.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "=";
            return args.stream().filter(a -> a.startsWith(env)).map(a -> a.substring(env.length())).findFirst().orElse(null);
        }
    }

    final Topology topology;
    final Function<ClientCall, String> clients;
    final List<ClientCall> calls = new CopyOnWriteArrayList<>();
    final List<String> routerScripts = new CopyOnWriteArrayList<>();
    /** Commands run on the rendezvous server's container (start-delay files). */
    final List<List<String>> rendezvousExecs = new CopyOnWriteArrayList<>();
    /** Hosts whose warm agent was started, once per start. */
    final List<String> agentStarts = new CopyOnWriteArrayList<>();
    final StringBuffer rendezvousLog = new StringBuffer();
    int resets;
    boolean closed;
    /** What a plain shell command (not a client) prints on a host: (host, command) -> stdout. */
    volatile java.util.function.BiFunction<String, String, String> shell = FakeLab::probeEcho;

    /** An echo server on a probe (the negative control's) tells the client the endpoint it saw; the rest print nothing. */
    static String probeEcho(String host, String command) {
        var m = java.util.regex.Pattern.compile(":7104,sourceport=(\\d+)").matcher(command);
        return m.find() ? "seen 198.18.0.10 " + m.group(1) + "\n" : "";
    }
    private final Map<String, LabHost> hosts = new LinkedHashMap<>();

    FakeLab(Topology topology, Function<ClientCall, String> clients) {
        this.topology = topology;
        this.clients = clients;
        for (String p : topology.allPeers()) hosts.put(p, new Host(p, HostRole.PEER));
        for (Site s : topology.sites()) hosts.put(s.name(), new Router(s.name()));
        hosts.put("rendezvous", new Host("rendezvous", HostRole.RENDEZVOUS));
        hosts.put("probe-1", new Host("probe-1", HostRole.PROBE));
    }

    @Override public String id() { return "fake"; }
    @Override public Topology topology() { return topology; }
    @Override public Map<String, Subnet> subnets() { return Map.of("internet", Subnet.parse("198.18.0.0/24")); }
    @Override public LabHost host(String name) { return hosts.get(name); }
    @Override public RouterHost router(String siteName) { return (RouterHost) hosts.get(siteName); }
    @Override public LabHost rendezvous() { return hosts.get("rendezvous"); }
    @Override public Collection<LabHost> hosts() { return hosts.values(); }
    @Override public String rendezvousEndpoint() { return "198.18.0.2:7000"; }
    @Override public synchronized void reset() { resets++; }
    @Override public void close() { closed = true; }

    class Host implements LabHost {
        final String name;
        final HostRole role;
        Host(String name, HostRole role) { this.name = name; this.role = role; }
        @Override public String name() { return name; }
        @Override public HostRole role() { return role; }
        @Override public String ip() { return "10.0.0.1"; }
        @Override public ExecResult exec(Duration timeout, String... command) {
            List<String> args = List.of(command);
            if (args.contains("client")) {
                ClientCall call = new ClientCall(name, args);
                calls.add(call);
                rendezvousLog.append("registered id=").append(call.flag("--id")).append(" public=198.18.0.9:1\n");
                String out = clients.apply(call);
                return new ExecResult(out.contains("\"direct\"") ? 0 : 1, out + "\n", "event log of " + name, Duration.ofMillis(5));
            }
            if (role == HostRole.RENDEZVOUS) rendezvousExecs.add(args);
            return new ExecResult(0, shell.apply(name, String.join(" ", args)), "", Duration.ZERO);
        }
        /** A fake warm agent: answers each trial request at once, like {@link #exec} answers a fresh client. */
        @Override public io.natlab.lab.ExecStream stream(java.util.function.Consumer<String> lines, Runnable ended,
                                                         String... command) {
            agentStarts.add(name);
            lines.accept("{\"agent\":\"ready\"}");
            return new io.natlab.lab.ExecStream() {
                volatile boolean alive = true;
                @Override public boolean send(String line) {
                    if (!alive) return false;
                    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                    try {
                        com.fasterxml.jackson.databind.JsonNode req = json.readTree(line);
                        if (req.has("stop")) return true; // fake clients have always ended already
                        List<String> args = new ArrayList<>(List.of("punch", "client"));
                        req.get("args").forEach(a -> args.add(a.asText()));
                        ClientCall call = new ClientCall(name, args);
                        calls.add(call);
                        rendezvousLog.append("registered id=").append(call.flag("--id")).append(" public=198.18.0.9:1\n");
                        String out = clients.apply(call);
                        String trial = req.get("trial").asText();
                        lines.accept(json.createObjectNode().put("trial", trial).put("event", java.time.Instant.now() + " registered public=198.18.0.9:1 (event log of " + name + ")").toString());
                        var result = json.createObjectNode().put("trial", trial).put("exit", out.contains("\"direct\"") ? 0 : 1);
                        try {
                            result.set("result", json.readTree(out));
                        } catch (IOException notJson) {
                            result.put("stdout", out);
                        }
                        lines.accept(result.toString());
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                @Override public boolean alive() { return alive; }
                @Override public String stderrTail() { return ""; }
                @Override public void close() {
                    if (alive) { alive = false; ended.run(); }
                }
            };
        }
        @Override public void spawn(String logFile, String... command) {}
        @Override public String readFile(String path) { return ""; }
        @Override public boolean copyOut(String containerPath, Path hostFile) {
            try {
                Files.writeString(hostFile, "copied " + containerPath);
                return true;
            } catch (IOException e) { throw new UncheckedIOException(e); }
        }
        @Override public String logs() { return name.equals("rendezvous") ? rendezvousLog.toString() : ""; }
    }

    final class Router extends Host implements RouterHost {
        Router(String name) { super(name, HostRole.ROUTER); }
        @Override public ExecResult exec(Duration timeout, String... command) {
            routerScripts.add(String.join(" ", command));
            return new ExecResult(0, "", "", Duration.ZERO);
        }
        @Override public String wanIp() { return "198.18.0.10"; }
        @Override public String wanInterface() { return "eth0"; }
        @Override public String lanIp() { return "10.0.0.254"; }
        @Override public String lanInterface() { return "eth1"; }
        @Override public String appliedRules() { return "# rules of " + name; }
        @Override public String ruleset() { return ""; }
        @Override public String counters() { return ""; }
        @Override public String conntrack() { return ""; }
    }

    static List<String> ids(List<ClientCall> calls) {
        List<String> ids = new ArrayList<>();
        calls.forEach(c -> ids.add(c.flag("--id")));
        return ids;
    }
}
