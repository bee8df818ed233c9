package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.PeerInfo;
import org.junit.jupiter.api.Test;

class PairingTableTest {
    private final PairingTable<String> table = new PairingTable<>();

    private static PeerInfo info(String id) {
        return new PeerInfo(id, Endpoint.parse("198.18.0.1:1000"), Endpoint.parse("10.0.0.1:1000"));
    }

    @Test
    void pairFormsWhenBothAskedForEachOther() {
        table.register("conn-a", info("alice"));
        table.register("conn-b", info("bob"));
        assertThat(table.request("alice", "bob")).isEmpty();
        var pair = table.request("bob", "alice").orElseThrow();
        assertThat(pair.first()).isEqualTo("conn-a");
        assertThat(pair.second()).isEqualTo("conn-b");
        assertThat(pair.firstInfo().id()).isEqualTo("alice");
        // Requests are consumed: asking again waits for the other side again.
        assertThat(table.request("bob", "alice")).isEmpty();
    }

    @Test
    void noPairWhenThePeerWantsSomeoneElseOrIsAbsent() {
        table.register("conn-a", info("alice"));
        table.register("conn-b", info("bob"));
        assertThat(table.request("alice", "carol")).isEmpty();
        assertThat(table.request("bob", "alice")).isEmpty();
    }

    @Test
    void newestRegistrationReplacesTheOlderOne() {
        assertThat(table.register("old", info("alice"))).isEmpty();
        assertThat(table.register("new", info("alice"))).contains("old");
        assertThat(table.size()).isEqualTo(1);
        // The replaced connection closing later must not remove the new registration.
        assertThat(table.remove("alice", "old")).isFalse();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.remove("alice", "new")).isTrue();
        assertThat(table.size()).isZero();
    }

    @Test
    void aPendingRequestDiesWithItsRegistration() {
        table.register("conn-a", info("alice"));
        table.request("alice", "bob");
        table.remove("alice", "conn-a");
        table.register("conn-a2", info("alice"));
        table.register("conn-b", info("bob"));
        assertThat(table.request("bob", "alice")).isEmpty();
    }
}
