package io.natlab.topology.yaml;

import io.natlab.yaml.ValidationException;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Site;
import io.natlab.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyLoaderTest {

    private static final TopologyLoader LOADER = new TopologyLoader(ReservedRanges.fixed());

    @Test
    void loadsATopologyOnlyFile() {
        Path file = Path.of("src/test/resources/yaml/topology/two-homes.yaml");
        Topology t = LOADER.loadFile(file);
        assertThat(t.name()).isEqualTo("two-homes");
        assertThat(t.source()).isEqualTo(file);
        assertThat(t.sites()).extracting(Site::preset).containsExactly(NatPreset.RESTRICTED_CONE, NatPreset.SYMMETRIC_SEQUENTIAL);
        assertThat(t.allPeers()).containsExactly("alice", "bob");
    }

    @Test
    void nameDefaultsToTheFileName() {
        Topology t = LOADER.parse(Path.of("dir/lab-one.yml"), "topology: {internet: {peers: [carol]}}\n");
        assertThat(t.name()).isEqualTo("lab-one");
        assertThat(t.publicPeers()).containsExactly("carol");
    }

    @Test
    void scenarioKeysAndMissingTopologyAreErrors() {
        assertThatThrownBy(() -> LOADER.parse(Path.of("t.yaml"), "description: x\npunches: []\n"))
            .isInstanceOf(ValidationException.class)
            .hasMessage(String.join(System.lineSeparator(),
                "t.yaml:1:1: topology: missing (the lab's internet, rendezvous and sites)",
                "t.yaml:2:1: punches: unknown key 'punches'; allowed here: name, description, topology"));
    }

    @Test
    void topologyErrorsAreReportedAsInScenarios() {
        assertThatThrownBy(() -> LOADER.parse(Path.of("t.yaml"), """
            topology:
              sites:
                - {name: a, nat: full-cone, lan: 127.0.1.0/24}
            """)).hasMessageStartingWith("t.yaml:3:38: topology.sites[0].lan: 127.0.1.0/24 overlaps 127.0.0.0/8, loopback;");
    }
}
