package io.natlab.interactive;

import io.natlab.lab.AddressPlan;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code up} lists and writes, without Docker. */
class InteractiveStateTest {
    private static final Topology NESTED = Topology.builder("nested")
        .site(Site.builder("cgn").preset(NatPreset.PORT_RESTRICTED_CONE).build())
        .site(Site.builder("home").preset(NatPreset.FULL_CONE).behind("cgn").peers("alice").build())
        .publicPeers("carol").build();

    private static AddressPlan plan() {
        Map<String, Subnet> subnets = new LinkedHashMap<>();
        subnets.put("internet", Subnet.parse("198.18.5.0/24"));
        subnets.put("cgn", Subnet.parse("100.64.3.0/24"));
        subnets.put("home", Subnet.parse("10.80.1.0/24"));
        return AddressPlan.of(NESTED, subnets);
    }

    @Test
    void peersShowTheirLanAndTheAddressTheInternetSees() {
        List<LabState.Host> hosts = HostListing.hosts(plan(), Map.of("alice", "0123456789abcdef"));
        assertThat(hosts).extracting(LabState.Host::name)
            .containsExactly("alice", "carol", "cgn", "home", "rendezvous", "probe-1", "probe-2");
        LabState.Host alice = hosts.get(0);
        assertThat(alice).isEqualTo(new LabState.Host("alice", "peer", "home", "10.80.1.10", "198.18.5.100", "0123456789abcdef"));
        assertThat(hosts.get(1)).isEqualTo(new LabState.Host("carol", "public_peer", null, null, "198.18.5.10", null));
        assertThat(hosts.get(3)).isEqualTo(new LabState.Host("home", "router", "home", "10.80.1.254", "100.64.3.100", null));
    }

    @Test
    void theStateRoundTripsAndTheListingNamesTheCommands(@TempDir Path dir) throws Exception {
        LabState s = new LabState("abcd1234", "nested", "lab.yaml", ProcessHandle.current().pid(), 0, "/tmp/x.sock",
            "198.18.5.2:7000", "/tmp/evidence", List.of("punch-core", "python-example"),
            HostListing.hosts(plan(), Map.of("alice", "0123456789abcdef")));
        s.write(StateDir.stateFile(dir));
        LabState back = LabState.read(StateDir.stateFile(dir)).orElseThrow();
        assertThat(back).isEqualTo(s);
        assertThat(back.ownerAlive()).isTrue();
        assertThat(back.peerNames()).containsExactly("alice", "carol");
        List<String> text = HostListing.render(back, "java -jar nat-lab.jar");
        assertThat(text.get(0)).isEqualTo("lab nested (id abcd1234) is up; rendezvous server at 198.18.5.2:7000");
        assertThat(String.join("\n", text)).contains("nat-lab exec alice -- ip addr", "docker exec -it 0123456789ab bash",
            "nat-lab punch alice carol --impl python-example", "nat-lab down",
            "reach it from another shell (nat-lab = java -jar nat-lab.jar):");
        assertThat(LabState.read(dir.resolve("none.json"))).isEmpty();
    }

    @Test
    void aDeadOwnerIsNoticed() {
        LabState s = new LabState("x", "n", "f", Long.MAX_VALUE - 1, 0, "s", "r", "e", List.of(), List.of());
        assertThat(s.ownerAlive()).isFalse();
    }
}
