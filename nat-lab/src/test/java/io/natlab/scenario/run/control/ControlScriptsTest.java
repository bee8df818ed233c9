package io.natlab.scenario.run.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlScriptsTest {
    @Test
    void theDialUsesAFixedLocalPortAShortTimeoutAndNoRendezvous() {
        String dial = ControlScripts.dial("198.18.0.10", 61000, 61001, 1.5);
        assertThat(dial).isEqualTo("socat -T1.5 -t1.5 - TCP:198.18.0.10:61000,sourceport=61001,reuseaddr,reuseport,"
            + "connect-timeout=1.5 </dev/null 2>&1");
    }

    @Test
    void onlyTheListenersOwnMarkCountsAsConnected() {
        assertThat(ControlScripts.outcome("natlab-control-61000\n", 61000)).isEqualTo("connected");
        assertThat(ControlScripts.outcome("natlab-control-61002\n", 61000)).isEqualTo("blocked"); // another listener
        assertThat(ControlScripts.outcome("", 61000)).isEqualTo("blocked"); // connected to something that said nothing
        assertThat(ControlScripts.listener(61000, "/tmp/p")).contains("TCP-LISTEN:61000").contains("echo natlab-control-61000");
    }

    @Test
    void theTargetsMappingIsWhatTheProbeSaw() {
        assertThat(ControlScripts.openMapping("198.18.0.5", 61000)).contains("TCP:198.18.0.5:7104,sourceport=61000,");
        assertThat(ControlScripts.seen("seen 198.18.0.10 61000\n")).containsExactly("198.18.0.10", "61000");
        assertThat(ControlScripts.seen("socat: Connection refused")).isNull();
    }

    @Test
    void blockedDialsSayHow() {
        assertThat(ControlScripts.reason("2026/11/29 E connect(5, AF=2 1.2.3.4:1, 16): Connection refused")).isEqualTo("refused");
        assertThat(ControlScripts.reason("E connecting to AF=2 1.2.3.4:1: Connection timed out")).isEqualTo("timed out");
        assertThat(ControlScripts.reason("")).isEqualTo("no answer");
    }

    @Test
    void nothingButAddressesAndPortsReachTheShell() {
        assertThatThrownBy(() -> ControlScripts.dial("1.2.3.4; rm -rf /", 1, 2, 1)).hasMessageContaining("IPv4");
        assertThatThrownBy(() -> ControlScripts.dial("1.2.3.4", 70000, 2, 1)).hasMessageContaining("port");
    }
}
