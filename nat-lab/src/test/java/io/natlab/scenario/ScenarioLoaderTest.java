package io.natlab.scenario;

import io.natlab.topology.Filtering;
import io.natlab.topology.Mapping;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.NatPreset;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Site;
import io.natlab.yaml.SourceRef;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioLoaderTest {

    static final Path RESOURCES = Path.of("src/test/resources/yaml");
    private static final ScenarioLoader LOADER = new ScenarioLoader(ReservedRanges.fixed());

    private static Scenario load(String relative) {
        return LOADER.loadFile(RESOURCES.resolve(relative));
    }

    @Test
    void readsEveryKey() {
        Path file = RESOURCES.resolve("good/every-key.yaml");
        Scenario s = LOADER.loadFile(file);
        assertThat(s.name()).isEqualTo("every-key");
        assertThat(s.description()).isEqualTo("Two homes behind a carrier NAT, a public peer, every knob set");
        assertThat(s.source()).isEqualTo(file);
        Topology t = s.topology();
        assertThat(t.name()).isEqualTo("every-key");
        assertThat(t.internet()).isEqualTo(Subnet.parse("198.18.7.0/24"));
        assertThat(t.publicPeers()).containsExactly("carol");
        assertThat(t.rendezvous()).isEqualTo(new Rendezvous("cgn", 7001, "s3cret"));
        // Parents first, so the lab can build the carrier NAT before the homes behind it.
        assertThat(t.sites()).extracting(Site::name).containsExactly("cgn", "home-a", "home-b");

        Site homeA = t.site("home-a").orElseThrow();
        assertThat(homeA.preset()).isEqualTo(NatPreset.PORT_RESTRICTED_CONE);
        assertThat(homeA.nat()).isEqualTo(new NatBehaviour(Mapping.ENDPOINT_INDEPENDENT, PortAssignment.PRESERVING, 0,
            Filtering.ADDRESS_DEPENDENT));
        assertThat(homeA.router()).isEqualTo(new RouterOptions(UnsolicitedPolicy.RST, true, 10.0, Duration.ofMillis(20),
            Duration.ofMillis(5), Map.of("syn_sent", 30, "established", 600)));
        assertThat(homeA.lan()).isEqualTo(Subnet.parse("10.20.1.0/24"));
        assertThat(homeA.behind()).isEqualTo("cgn");
        assertThat(homeA.peers()).containsExactly("alice");
        assertThat(homeA.where()).isEqualTo(new SourceRef(file, 13, 7));

        Site homeB = t.site("home-b").orElseThrow();
        assertThat(homeB.nat()).isEqualTo(new NatBehaviour(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 2,
            Filtering.ADDRESS_AND_PORT_DEPENDENT));
        assertThat(homeB.router().unsolicited()).isEqualTo(UnsolicitedPolicy.ICMP);
        assertThat(t.site("cgn").orElseThrow().peers()).isEmpty();
        assertThat(t.natPath("alice")).extracting(Site::name).containsExactly("home-a", "cgn");

        assertThat(s.punches()).containsExactly(
            new Punch("alice", "bob", Expectation.DIRECT, false, new SourceRef(file, 40, 5)),
            new Punch("alice", "carol", Expectation.FAILED, true, new SourceRef(file, 43, 5)),
            new Punch("bob-2", "carol", Expectation.AUTO, true, new SourceRef(file, 45, 5)));
        assertThat(s.strategies()).containsExactly(Strategy.LISTEN_CONNECT, Strategy.CONNECT_ONLY);
        assertThat(s.budget()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.trials()).isEqualTo(3);
        assertThat(s.minSuccessRate()).isEqualTo(0.5);
        assertThat(s.echoBytes()).isEqualTo(1024);
    }

    @Test
    void fillsDefaults() {
        Scenario s = load("good/minimal.yaml");
        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.topology().internet()).isNull();
        assertThat(s.topology().rendezvous()).isEqualTo(Rendezvous.defaults());
        Site homeA = s.topology().sites().get(0);
        assertThat(homeA.nat()).isEqualTo(NatPreset.PORT_RESTRICTED_CONE.behaviour());
        assertThat(homeA.router()).isEqualTo(RouterOptions.defaults());
        assertThat(homeA.lan()).isNull();
        assertThat(homeA.behind()).isNull();
        assertThat(s.punches()).singleElement().satisfies(p -> {
            assertThat(p.expect()).isEqualTo(Expectation.AUTO);
            assertThat(p.bothOrders()).isTrue();
        });
        assertThat(s.strategies()).containsExactly(Strategy.LISTEN_CONNECT);
        assertThat(s.budget()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.trials()).isEqualTo(5);
        assertThat(s.minSuccessRate()).isEqualTo(0.8);
        assertThat(s.echoBytes()).isEqualTo(65536);
    }

    @Test
    void defaultTimeoutIsAtLeastFiveSeconds() {
        Scenario s = parse("""
            description: d
            topology: {internet: {peers: [a, b]}}
            punches: [{peers: [a, b]}]
            budget: 1s
            """);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void publicPeersNeedNoSites() {
        Scenario s = load("good/public-peers.yaml");
        assertThat(s.topology().sites()).isEmpty();
        assertThat(s.topology().allPeers()).containsExactly("carol", "dave");
    }

    @Test
    void sequentialOverrideOnASymmetricPresetDefaultsToDeltaOne() {
        Scenario s = parse(sites("""
                - name: home-a
                  nat: symmetric
                  port-assignment: sequential
                  peers: [alice]
            """));
        assertThat(s.topology().sites().get(0).nat())
            .isEqualTo(new NatBehaviour(Mapping.ADDRESS_AND_PORT_DEPENDENT, PortAssignment.SEQUENTIAL, 1,
                Filtering.ADDRESS_AND_PORT_DEPENDENT));
    }

    @Test
    void collectsEveryErrorInAFileWithPositions() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> load("bad/many-errors.yaml"));
        String f = RESOURCES.resolve("bad/many-errors.yaml").toString();
        assertThat(e.errors()).extracting(ValidationError::render).containsExactly(
            f + ":5:12: topology.sites[0].nat: unknown NAT preset 'symetric' (did you mean 'symmetric'?); allowed: "
                + "full-cone, restricted-cone, port-restricted-cone, symmetric, symmetric-sequential",
            f + ":10:7: topology.sites[1].filterin: unknown key 'filterin' (did you mean 'filtering'?)",
            f + ":11:12: topology.sites[1].lan: 10.20.1.128/25 overlaps topology.sites[0].lan 10.20.1.0/24",
            f + ":14:20: punches[0].peers[1]: undeclared peer 'mallory'; declared peers: alice, bob",
            f + ":15:9: trials: must be between 1 and 10000, got 0");
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(),
            e.errors().stream().map(ValidationError::render).toList()));
    }

    @Test
    void yamlSyntaxErrorsUseTheSameFormat() {
        String f = RESOURCES.resolve("bad/syntax-error.yaml").toString();
        assertThatThrownBy(() -> load("bad/syntax-error.yaml")).isInstanceOf(ValidationException.class)
            .hasMessageStartingWith(f + ":5:6: yaml: expected <block end>");
    }

    @Test
    void missingFileIsReportedInTheErrorFormat() {
        assertThatThrownBy(() -> LOADER.loadFile(Path.of("nope/missing.yaml")))
            .isInstanceOf(ValidationException.class).hasMessage("nope/missing.yaml:0:0: file: no such file");
    }

    // ---- helpers for the error-class tests in ScenarioErrorsTest and here

    static Scenario parse(String yaml) { return LOADER.parse(Path.of("t.yaml"), yaml); }

    static List<String> errors(String yaml) { return errors(LOADER, yaml); }

    static List<String> errors(ScenarioLoader loader, String yaml) {
        try {
            loader.parse(Path.of("t.yaml"), yaml);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationError::render).toList();
        }
    }

    /**
     * A valid scenario around {@code sitesBlock} (indented list items under {@code sites:}); line 5 is the
     * block's first line. Peers alice and bob are punched; carol is public.
     */
    static String sites(String sitesBlock) {
        return "description: test\n"
            + "topology:\n"
            + "  internet: {peers: [carol]}\n"
            + "  sites:\n"
            + sitesBlock
            + "punches:\n"
            + "  - peers: [alice, carol]\n";
    }
}
