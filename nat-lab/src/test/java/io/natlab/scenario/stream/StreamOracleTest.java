package io.natlab.scenario.stream;

import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import io.natlab.topology.yaml.ReservedRanges;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** auto predictions: which events a port-preserving cone survives and which break a symmetric NAT's stream. */
class StreamOracleTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader(ReservedRanges.fixed());

    private static StreamPrediction predict(String events) {
        Scenario s = LOADER.parse(Path.of("t.yaml"), StreamPlanYamlTest.scenario("hold: 6s\nheartbeat: 3s\nidle-timeout: 8s\n" + events));
        return StreamOracle.predict(s.topology(), s.stream(), "alice", "bob");
    }

    @Test
    void aFlushOnAPortPreservingConeIsSurvived() {
        StreamPrediction p = predict("events: [{at: 1s, router: home-a, do: flush-conntrack}]");
        assertThat(p.outcome()).isEqualTo(StreamExpectation.SURVIVES);
        assertThat(p.reason()).isEqualTo("1s home-a flush-conntrack: forgotten-mapping-same-port");
    }

    @Test
    void forgettingOnASymmetricNatBreaks() {
        for (String what : new String[]{"flush-conntrack", "reboot", "idle-expiry"})
            assertThat(predict("events: [{at: 1s, router: home-b, do: " + what + "}]").ruleId())
                .as(what).isEqualTo("forgotten-mapping-new-port");
    }

    @Test
    void aFlushOnAConeThatAnswersWithRstIsARaceCountedAsABreak() {
        Scenario s = LOADER.parse(Path.of("t.yaml"), StreamPlanYamlTest.scenario(
            "hold: 6s\nevents: [{at: 1s, router: home-a, do: flush-conntrack}]\n").replace(
            "nat: port-restricted-cone\n", "nat: port-restricted-cone\n      unsolicited: rst\n"));
        assertThat(StreamOracle.predict(s.topology(), s.stream(), "alice", "bob").ruleId()).isEqualTo("forgotten-mapping-rst-race");
    }

    @Test
    void aNewPublicAddressAlwaysBreaks() {
        assertThat(predict("events: [{at: 1s, router: home-a, do: change-public-ip}]").outcome()).isEqualTo(StreamExpectation.BREAKS);
    }

    @Test
    void aLinkDownBreaksOnlyWhenItOutlastsTheIdleTimeout() {
        assertThat(predict("events: [{at: 1s, router: home-a, do: link-down, for: 3s}]").outcome()).isEqualTo(StreamExpectation.SURVIVES);
        assertThat(predict("events: [{at: 1s, router: home-a, do: link-down, for: 4s}]").outcome()).isEqualTo(StreamExpectation.BREAKS);
        Scenario s = LOADER.parse(Path.of("t.yaml"), StreamPlanYamlTest.scenario(
            "hold: 6s\nevents: [{at: 1s, router: home-a, do: link-down, for: 3s}]\n"));
        assertThat(StreamOracle.predict(s.topology(), s.stream(), "alice", "bob").ruleId()).isEqualTo("link-down-outlasts-idle-timeout");
    }

    @Test
    void aBreakIsARecoveryWhenTheScenarioRecovers() {
        assertThat(predict("recover: true\nevents: [{at: 1s, router: home-b, do: reboot}]").outcome())
            .isEqualTo(StreamExpectation.RECOVERS);
    }

    @Test
    void noEventsOnThePairsRoutersSurvives() {
        assertThat(predict("").ruleId()).isEqualTo("no-events");
    }

    @Test
    void theReadmeShowsTheCurrentTable() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        assertThat(readme).as("README's stream table is stale: regenerate it with java -cp nat-lab/target/nat-lab.jar "
            + "io.natlab.scenario.stream.StreamOracle").contains(StreamOracle.markdownTable().strip());
    }

    @Test
    void theTableHasARowForEveryAction() {
        assertThat(StreamOracle.markdownTable()).contains("`new-public-address`", "`forgotten-mapping-same-port`", "`dead-link`");
    }
}
