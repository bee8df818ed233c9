package io.natlab.fidelity;

import io.natlab.topology.UnsolicitedPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-tool shell snippets the classifier runs in lab containers (socat, ss, tcpdump), and the parsers for
 * what they print. Pure, so the text protocol is unit-tested without Docker.
 */
final class ProbeScripts {
    private ProbeScripts() {}

    /** Ports the probes' echo servers listen on; each answers with the client endpoint it saw. */
    static final int ECHO_PORT_A = 7101, ECHO_PORT_B = 7102;

    /**
     * The echo server: socat exports the client endpoint as SOCAT_PEERADDR/SOCAT_PEERPORT. A space separates them
     * because a colon inside a socat address would be read as an option separator.
     */
    static String echoServer(int port) {
        return "socat TCP-LISTEN:" + port + ",fork,reuseaddr SYSTEM:'echo seen $SOCAT_PEERADDR $SOCAT_PEERPORT'";
    }

    static String isListening(int port) { return "ss -Hltn 'sport = :" + port + "' | grep -q ."; }

    /** Waits up to about 2 s for a listener on {@code port}. */
    static String awaitListening(int port) {
        return "i=0; until " + isListening(port) + "; do i=$((i+1)); [ $i -gt 100 ] && exit 3; sleep 0.02; done";
    }

    /**
     * Outbound flows, one after the other (the order matters for sequential port assignment), each printed as
     * {@code FLOW <local> <server> <port> <what the server said or the error>}.
     */
    static String flows(List<int[]> localAndServerIndex, List<String> servers, List<Integer> serverPorts) {
        return flows(localAndServerIndex, servers, serverPorts, 2);
    }

    /** As above, each flow given {@code timeoutSeconds} (more on slow paths: the answer needs two round trips). */
    static String flows(List<int[]> localAndServerIndex, List<String> servers, List<Integer> serverPorts, int timeoutSeconds) {
        StringBuilder s = new StringBuilder();
        for (int[] f : localAndServerIndex) {
            String server = servers.get(f[1]);
            int port = serverPorts.get(f[2]);
            s.append("echo \"FLOW ").append(f[0]).append(' ').append(server).append(' ').append(port).append(" $(")
             .append(connect(server, port, f[0], timeoutSeconds)).append(" 2>&1 | tr '\\n' ' ')\"\n");
        }
        return s.toString();
    }

    /**
     * A client connection printing what the server sends; {@code localPort} 0 = any. stdin is empty, so socat
     * half-closes at once and then waits {@code -t} for the answer (default 0.5 s: too short on a slow path).
     */
    static String connect(String server, int port, int localPort, int timeoutSeconds) {
        String source = localPort > 0 ? ",sourceport=" + localPort + ",reuseaddr,reuseport" : "";
        return "socat -T" + timeoutSeconds + " -t" + timeoutSeconds + " - TCP:" + server + ":" + port + source + ",connect-timeout=" + timeoutSeconds + " </dev/null";
    }

    private static final Pattern FLOW = Pattern.compile("^FLOW (\\d+) (\\S+) (\\d+) (.*)$");
    private static final Pattern SEEN = Pattern.compile("seen (\\d+\\.\\d+\\.\\d+\\.\\d+) (\\d+)");

    static List<ObservedFlow> parseFlows(String output) {
        List<ObservedFlow> flows = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = FLOW.matcher(line.strip());
            if (!m.matches()) continue;
            Matcher seen = SEEN.matcher(m.group(4));
            boolean ok = seen.find();
            flows.add(new ObservedFlow(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                ok ? seen.group(1) : null, ok ? Integer.parseInt(seen.group(2)) : -1));
        }
        return flows;
    }

    /** The inside listener answers with this word, so an admitted inbound flow is recognisable. */
    static final String INSIDE_MARK = "natlab-inside";

    static String insideListener(int port, String pidFile) {
        return "echo $$ > " + pidFile + "; exec socat TCP-LISTEN:" + port + ",fork,reuseaddr,reuseport SYSTEM:'echo " + INSIDE_MARK + "'";
    }

    static boolean admitted(String connectOutput) { return connectOutput.contains(INSIDE_MARK); }

    /**
     * Sends one unsolicited SYN to {@code publicIp:port} and captures the router's answer (a RST from that port, or
     * an ICMP error quoting it: the quoted TCP destination port sits at icmp[30:2] behind a 20-byte IP header).
     * Prints {@code CONNECT <socat's words>} and {@code CAPTURE <tcpdump line or nothing>}.
     */
    static String unsolicitedSyn(String publicIp, int port) {
        String f = "/tmp/natlab-unsolicited-" + port;
        String filter = "src host " + publicIp + " and ((tcp src port " + port + " and tcp[13] & 4 != 0) or (icmp and icmp[30:2] = " + port + "))";
        return "tcpdump -lnni any -c 1 '" + filter + "' >" + f + ".out 2>" + f + ".err &\n"
            + "tp=$!\n"
            + "i=0; until grep -q listening " + f + ".err; do i=$((i+1)); [ $i -gt 150 ] && break; sleep 0.02; done\n"
            + "echo \"CONNECT $(" + connect(publicIp, port, 0, 1) + " 2>&1 | tr '\\n' ' ')\"\n"
            + "i=0; until [ -s " + f + ".out ] || [ $i -gt 10 ]; do i=$((i+1)); sleep 0.02; done\n"
            + "kill $tp 2>/dev/null; wait $tp 2>/dev/null\n"
            + "echo \"CAPTURE $(tr '\\n' ' ' < " + f + ".out)\"\n"
            + "rm -f " + f + ".out " + f + ".err\n";
    }

    /** The reply seen: ICMP or RST when captured, none (DROP) when the connect timed out and nothing came back. */
    static UnsolicitedPolicy parseUnsolicited(String output) {
        String capture = lineAfter(output, "CAPTURE");
        String connect = lineAfter(output, "CONNECT");
        if (capture.contains("ICMP")) return UnsolicitedPolicy.ICMP;
        if (capture.contains("Flags [R")) return UnsolicitedPolicy.RST;
        if (connect.contains("refused")) return UnsolicitedPolicy.RST; // refused means RST or ICMP; ICMP would have been captured
        return UnsolicitedPolicy.DROP;
    }

    static String lineAfter(String output, String tag) {
        for (String line : output.split("\n")) if (line.startsWith(tag + " ")) return line.substring(tag.length() + 1).strip();
        return "";
    }
}
