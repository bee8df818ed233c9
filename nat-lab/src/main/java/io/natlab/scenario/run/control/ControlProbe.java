package io.natlab.scenario.run.control;

import io.natlab.lab.AddressPlan;
import io.natlab.lab.ExecResult;
import io.natlab.lab.Lab;
import io.natlab.lab.LabHost;
import io.natlab.result.NegativeControl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one pair's negative control on a live lab, one direction after the other, resetting the lab after each:
 * the target listens on port P and opens its mapping from P with one connection to probe-1 (on the lab's internet),
 * which answers with the public endpoint it saw, exactly what registering with a rendezvous server does; the dialler
 * then connects to that endpoint from local port Q, with nothing sent to it by the target. The directions never
 * overlap: a restricted-cone router admits new flows from any address its host has contacted, so a dial out in one
 * direction would open the door for the other. Never throws: a control that cannot run says {@code error}.
 */
final class ControlProbe {
    /** Listener and dial ports: above the kernel's ephemeral range and away from trials (40000+) and the classifier. */
    static final int FIRST_PORT = 61000, SLOTS = 400;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration EXEC = Duration.ofSeconds(15);

    private ControlProbe() {}

    /**
     * @param rttMs the pair's added round trip (latency conditions), so a slow path is not mistaken for a drop
     */
    static NegativeControl run(Lab lab, String first, String second, long rttMs) {
        double timeout = 1.5 + 2 * rttMs / 1000.0; // one lost SYN is retransmitted after 1 s and still counts
        String[] there = direction(lab, first, second, timeout);
        String[] back = direction(lab, second, first, timeout);
        return new NegativeControl(there[0], back[0], there[1] + "; " + back[1]);
    }

    /** {outcome, detail} of {@code from} dialling {@code to}'s public endpoint; resets the lab afterwards. */
    private static String[] direction(Lab lab, String from, String to, double timeout) {
        int port = nextPort(lab), localPort = port + 1;
        String pidFile = "/tmp/natlab-control-" + port + ".pid", log = "/tmp/natlab-control-" + port + ".log";
        LabHost target = null;
        String what = from + " -> " + to;
        try {
            LabHost probe = lab.host(AddressPlan.PROBE_1);
            ensureEchoServer(probe);
            target = lab.host(to);
            target.spawn(log, "sh", "-c", ControlScripts.listener(port, pidFile));
            if (!target.exec(EXEC, "sh", "-c", ControlScripts.awaitListening(port)).ok())
                return new String[]{NegativeControl.ERROR, what + ": the listener did not start: " + target.readFile(log).strip()};
            ExecResult mapping = target.exec(EXEC, "sh", "-c", ControlScripts.openMapping(probe.ip(), port));
            String[] endpoint = ControlScripts.seen(mapping.stdout());
            if (endpoint == null) return new String[]{NegativeControl.ERROR, what + ": " + to + ":" + port
                + " could not reach probe-1 to open its mapping: " + ControlScripts.reason(mapping.stdout())};
            int publicPort = Integer.parseInt(endpoint[1]);
            what = from + " -> " + to + " at " + endpoint[0] + ":" + publicPort + " (its mapping of port " + port
                + " as probe-1 saw it) from local port " + localPort;
            ExecResult dial = lab.host(from).exec(EXEC, "sh", "-c", ControlScripts.dial(endpoint[0], publicPort, localPort, timeout));
            String outcome = ControlScripts.outcome(dial.stdout(), port);
            return new String[]{outcome, what + ": " + (outcome.equals(NegativeControl.CONNECTED) ? "connected"
                : "blocked (" + ControlScripts.reason(dial.stdout() + dial.stderr()) + ")")};
        } catch (RuntimeException e) {
            return new String[]{NegativeControl.ERROR, what + ": could not run: " + e.getMessage()};
        } finally {
            try {
                if (target != null) target.exec(EXEC, "sh", "-c", ControlScripts.stop(pidFile));
            } finally {
                lab.reset(); // no conntrack entry, mapping or learned address of the control may reach a trial
            }
        }
    }

    /** probe-1 keeps the echo server for the lab's lifetime (resets touch only routers). */
    private static void ensureEchoServer(LabHost probe) {
        if (probe.exec(EXEC, "sh", "-c", ControlScripts.isListening(ControlScripts.ECHO_PORT)).ok()) return;
        probe.spawn("/tmp/natlab-control-echo.log", "sh", "-c", ControlScripts.echoServer());
        if (!probe.exec(EXEC, "sh", "-c", ControlScripts.awaitListening(ControlScripts.ECHO_PORT)).ok())
            throw new IllegalStateException("the control's echo server on probe-1 did not start: "
                + probe.readFile("/tmp/natlab-control-echo.log").strip());
    }

    /** A fresh listener port per dial (its dial port is the next one), so no 4-tuple is reused while in TIME_WAIT. */
    private static int nextPort(Lab lab) {
        int rendezvous = lab.topology().rendezvous().port();
        while (true) {
            int port = FIRST_PORT + 2 * Math.floorMod(NEXT.getAndIncrement(), SLOTS);
            if (port != rendezvous && port + 1 != rendezvous && port != rendezvous + 1) return port;
        }
    }
}
