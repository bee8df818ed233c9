package io.natlab.fidelity;

import io.natlab.lab.ExecResult;
import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;
import io.natlab.lab.RouterHost;
import io.natlab.nat.DelayBackend;
import io.natlab.topology.Site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the round trip a NAT path adds ({@link PathDelay}): tcpdump on probe-1 times each handshake from its
 * SYN-ACK to the inside host's ACK (so only the network is timed, not socat or the JVM), for {@link #samples}
 * connections the inside host opens at once. Plain tools only, independent of punch-core.
 */
final class PathDelayProbe {
    private PathDelayProbe() {}

    static final int PORT = 7103;
    private static final Duration EXEC = Duration.ofSeconds(30);

    /**
     * One path at a time per lab: sites behind one carrier NAT share its public address (the probe tells handshakes
     * apart only by it), and parallel bursts loaded probe-1 enough to make other classifier flows time out.
     */
    private static final Map<String, Object> PER_LAB = new java.util.concurrent.ConcurrentHashMap<>();

    static PathDelay measure(Lab lab, LabHost inside, LabHost probe, List<Site> path, String publicIp) {
        synchronized (PER_LAB.computeIfAbsent(lab.id(), k -> new Object())) {
            return measureAlone(lab, inside, probe, path, publicIp);
        }
    }

    private static PathDelay measureAlone(Lab lab, LabHost inside, LabHost probe, List<Site> path, String publicIp) {
        int n = samples(path);
        String file = "/tmp/natlab-rtt-" + inside.name();
        ExecResult started = probe.exec(EXEC, "sh", "-c", captureStart(publicIp, file));
        if (!started.ok()) throw new IllegalStateException("tcpdump on " + probe.name() + " did not start: " + started);
        ExecResult run = inside.exec(EXEC, "sh", "-c", handshakes(probe.ip(), n));
        String capture = probe.exec(EXEC, "sh", "-c", captureStop(file)).stdout();
        List<Double> rtts = parseHandshakeRtts(capture, probe.ip());
        if (rtts.isEmpty())
            throw new IllegalStateException("no handshake from " + inside.name() + " to " + probe.name() + ":" + PORT + " was timed: " + run);
        String backend = path.stream().map(s -> lab.router(s.name())).map(RouterHost::delayBackend).filter(Objects::nonNull)
            .map(DelayBackend::yamlName).distinct().reduce((a, b) -> a + "+" + b).orElse("none");
        return PathDelay.claimFor(path, rtts, backend);
    }

    /** More handshakes with jitter, so the sample mean settles (its error shrinks with the square root). */
    static int samples(List<Site> path) {
        return path.stream().anyMatch(s -> !s.router().jitter().isZero()) ? 40 : 12;
    }

    static String captureStart(String publicIp, String file) {
        return "rm -f " + file + ".out " + file + ".err\n"
            + "tcpdump -lnni any -tt 'host " + publicIp + " and tcp port " + PORT + "' >" + file + ".out 2>" + file + ".err </dev/null &\n"
            + "echo $! >" + file + ".pid\n"
            + "i=0; until grep -q listening " + file + ".err; do i=$((i+1)); [ $i -gt 250 ] && exit 3; sleep 0.02; done\n";
    }

    /**
     * Opens {@code n} connections 30 ms apart (each from its own port; spawning them all at once loaded the 2-core
     * host enough to delay the delayer itself by a few ms) and waits for all of them.
     */
    static String handshakes(String server, int n) {
        return "i=0; while [ $i -lt " + n + " ]; do i=$((i+1)); "
            + "socat -T5 - TCP:" + server + ":" + PORT + ",connect-timeout=10 </dev/null >/dev/null 2>&1 & sleep 0.03; done; wait\n";
    }

    static String captureStop(String file) {
        return "sleep 0.05; kill $(cat " + file + ".pid) 2>/dev/null; i=0; while kill -0 $(cat " + file + ".pid) 2>/dev/null; do "
            + "i=$((i+1)); [ $i -gt 100 ] && break; sleep 0.02; done\ncat " + file + ".out; rm -f " + file + ".out " + file + ".err " + file + ".pid\n";
    }

    private static final Pattern LINE = Pattern.compile(
        "^(\\d+\\.\\d+) .*?IP (\\d+\\.\\d+\\.\\d+\\.\\d+)\\.(\\d+) > (\\d+\\.\\d+\\.\\d+\\.\\d+)\\.(\\d+): Flags \\[([^\\]]*)\\]");

    /**
     * One RTT per connection: from the probe's first SYN-ACK to the first packet back from the same client
     * endpoint that carries no SYN (the handshake's ACK). Connections whose SYN-ACK was retransmitted are skipped:
     * their ACK answers a later copy.
     */
    static List<Double> parseHandshakeRtts(String tcpdump, String probeIp) {
        Map<String, Double> synAck = new HashMap<>();
        Map<String, Integer> synAcks = new HashMap<>();
        List<Double> rtts = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String line : tcpdump.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.find()) continue;
            double t = Double.parseDouble(m.group(1));
            String flags = m.group(6);
            boolean fromProbe = m.group(2).equals(probeIp) && Integer.parseInt(m.group(3)) == PORT;
            String client = fromProbe ? m.group(4) + ":" + m.group(5) : m.group(2) + ":" + m.group(3);
            if (fromProbe && flags.equals("S.")) {
                synAck.putIfAbsent(client, t);
                synAcks.merge(client, 1, Integer::sum);
            } else if (!fromProbe && !flags.contains("S") && synAck.containsKey(client) && done.add(client)) {
                if (synAcks.get(client) == 1) rtts.add((t - synAck.get(client)) * 1000.0);
            }
        }
        return rtts;
    }
}
