package io.natlab.fidelity;

import io.natlab.topology.NatPreset;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeScriptsTest {
    @Test void echoServerSeparatesAddressAndPortWithASpaceNotAColon() {
        // A colon inside a socat SYSTEM address is an option separator: "$A:$B" would lose the port.
        assertThat(ProbeScripts.echoServer(7101)).isEqualTo("socat TCP-LISTEN:7101,fork,reuseaddr SYSTEM:'echo seen $SOCAT_PEERADDR $SOCAT_PEERPORT'");
    }

    @Test void flowsAreParsedFromServerAnswersAndErrors() {
        String out = """
            FLOW 20000 198.18.0.3 7101 seen 198.18.0.9 20000\s
            FLOW 20000 198.18.0.4 7101 2026/11/24 23:37:53 socat[74] E connecting to AF=2 198.18.0.4:7101: Connection timed out\s
            noise
            """;
        assertThat(ProbeScripts.parseFlows(out)).containsExactly(
            new ObservedFlow(20000, "198.18.0.3", 7101, "198.18.0.9", 20000),
            new ObservedFlow(20000, "198.18.0.4", 7101, null, -1));
    }

    @Test void flowScriptBindsTheLocalPortWithReuse() {
        String s = ProbeScripts.flows(List.<int[]>of(new int[]{20005, 1, 0}), List.of("a", "198.18.0.4"), List.of(7101, 7102));
        assertThat(s).startsWith("echo \"FLOW 20005 198.18.0.4 7101 $(")
            .contains("TCP:198.18.0.4:7101,sourceport=20005,reuseaddr,reuseport,connect-timeout=2");
    }

    @Test void unsolicitedReplyIsReadFromTheCaptureFirst() {
        assertThat(ProbeScripts.parseUnsolicited("CONNECT ... Connection refused\nCAPTURE 12:00 eth0 In IP 198.18.0.9 > 198.18.0.4: ICMP 198.18.0.9 tcp port 31000 unreachable, length 68\n"))
            .isEqualTo(UnsolicitedPolicy.ICMP);
        assertThat(ProbeScripts.parseUnsolicited("CONNECT ... Connection refused\nCAPTURE 12:00 eth0 In IP 198.18.0.9.31000 > 198.18.0.4.40000: Flags [R.], seq 0\n"))
            .isEqualTo(UnsolicitedPolicy.RST);
        assertThat(ProbeScripts.parseUnsolicited("CONNECT ... Connection timed out\nCAPTURE \n")).isEqualTo(UnsolicitedPolicy.DROP);
    }

    @Test void unsolicitedCaptureFiltersOnTheRouterAndThePort() {
        String s = ProbeScripts.unsolicitedSyn("198.18.0.9", 31000);
        assertThat(s).contains("src host 198.18.0.9 and ((tcp src port 31000 and tcp[13] & 4 != 0) or (icmp and icmp[30:2] = 31000))")
            .contains("TCP:198.18.0.9:31000,connect-timeout=1");
    }

    @Test void admissionIsRecognisedByTheInsideMark() {
        assertThat(ProbeScripts.insideListener(20005, "/tmp/p")).contains("TCP-LISTEN:20005,fork,reuseaddr,reuseport", ProbeScripts.INSIDE_MARK);
        assertThat(ProbeScripts.admitted(ProbeScripts.INSIDE_MARK + "\n")).isTrue();
        assertThat(ProbeScripts.admitted("E connect(5, ...): Connection refused")).isFalse();
    }

    @Test void measuresFromTheSitesOwnPeersElseANestedChildsPeers() {
        Site cgn = Site.builder("cgn").preset(NatPreset.PORT_RESTRICTED_CONE).build();
        Site empty = Site.builder("home-0").preset(NatPreset.FULL_CONE).behind("cgn").build();
        Site home = Site.builder("home-1").preset(NatPreset.FULL_CONE).behind("cgn").peers("h1").build();
        Topology t = Topology.builder("t").site(cgn).site(empty).site(home).build();
        assertThat(NatClassifier.insidePeers(t, cgn)).containsExactly("h1");
        assertThat(NatClassifier.insidePeers(t, home)).containsExactly("h1");
        assertThat(NatClassifier.insidePeers(t, empty)).isEmpty();
    }
}
