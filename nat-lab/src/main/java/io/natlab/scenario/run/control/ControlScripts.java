package io.natlab.scenario.run.control;

import io.natlab.result.NegativeControl;

import java.util.Locale;

/**
 * The shell snippets of a negative control (socat and ss, both in the peer image) and the parser of what the dial
 * printed. Pure, so the text protocol is unit-tested without Docker. Every value that reaches the shell is an int or
 * an IPv4 address checked here.
 */
final class ControlScripts {
    private ControlScripts() {}

    /** What the listener answers; a dial that prints it reached exactly that listener (not the router, not another host). */
    static String mark(int port) { return "natlab-control-" + port; }

    /** The target's listener: one connection, answers the mark; records its pid so the runner can stop it. */
    static String listener(int port, String pidFile) {
        return "echo $$ > " + pidFile + "; exec socat TCP-LISTEN:" + checkPort(port) + ",reuseaddr,reuseport SYSTEM:'echo "
            + mark(port) + "'";
    }

    static String isListening(int port) { return "ss -Hltn 'sport = :" + checkPort(port) + "' | grep -q ."; }

    /** Waits up to about 2 s for the listener; exit 3 when it never came up. */
    static String awaitListening(int port) {
        return "i=0; until " + isListening(port) + "; do i=$((i+1)); [ $i -gt 100 ] && exit 3; sleep 0.02; done";
    }

    /** Port of the control's echo server on probe-1 (the classifier's own use 7101-7103). */
    static final int ECHO_PORT = 7104;

    /** probe-1's echo server: answers each connection with the endpoint it saw, as the rendezvous server would. */
    static String echoServer() {
        return "exec socat TCP-LISTEN:" + ECHO_PORT + ",fork,reuseaddr SYSTEM:'echo seen $SOCAT_PEERADDR $SOCAT_PEERPORT'";
    }

    /**
     * The target opens its mapping: one connection from its listener's port to probe-1's echo server, which prints
     * the public endpoint it saw ({@code seen ADDR PORT}). Registering with a rendezvous server does the same.
     */
    static String openMapping(String probe, int localPort) {
        return dial(probe, ECHO_PORT, localPort, 2);
    }

    private static final java.util.regex.Pattern SEEN =
        java.util.regex.Pattern.compile("seen (\\d{1,3}(?:\\.\\d{1,3}){3}) (\\d{1,5})");

    /** {address, port} from the echo server's answer, or null when it did not answer. */
    static String[] seen(String output) {
        var m = SEEN.matcher(output == null ? "" : output);
        return m.find() ? new String[]{m.group(1), m.group(2)} : null;
    }

    /** Stops the listener (when still up) and removes its pid file. */
    static String stop(String pidFile) {
        return "[ -f " + pidFile + " ] && kill $(cat " + pidFile + ") 2>/dev/null; rm -f " + pidFile + "; true";
    }

    /**
     * One plain dial from a fixed local port: stdin is empty, so socat half-closes at once and waits for the answer.
     * Prints socat's words (errors included) on stdout.
     */
    static String dial(String address, int port, int localPort, double timeoutSeconds) {
        String t = String.format(Locale.ROOT, "%.1f", timeoutSeconds);
        return "socat -T" + t + " -t" + t + " - TCP:" + checkAddress(address) + ":" + checkPort(port) + ",sourceport="
            + checkPort(localPort) + ",reuseaddr,reuseport,connect-timeout=" + t + " </dev/null 2>&1";
    }

    /** The dial's outcome: connected only when the listener's mark came back. */
    static String outcome(String dialOutput, int port) {
        return dialOutput != null && dialOutput.contains(mark(port)) ? NegativeControl.CONNECTED : NegativeControl.BLOCKED;
    }

    /** Why a dial was blocked, in a word or two: "refused" (RST or ICMP), "timed out" (dropped), or socat's words. */
    static String reason(String dialOutput) {
        String o = dialOutput == null ? "" : dialOutput.toLowerCase(Locale.ROOT);
        if (o.contains("refused")) return "refused";
        if (o.contains("timed out") || o.contains("timeout")) return "timed out";
        if (o.contains("unreachable")) return "unreachable";
        if (o.isBlank()) return "no answer";
        String line = dialOutput.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, got " + port);
        return port;
    }

    private static String checkAddress(String address) {
        if (address == null || !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))
            throw new IllegalArgumentException("control target must be an IPv4 address, got " + address);
        return address;
    }
}
