package io.natlab.scenario.run;

import io.natlab.result.PairConditions;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What besides the NATs shapes a pair: read off the topology, so reports never pool unlike pairs. */
class PairConditionsOfTest {
    @TempDir Path tmp;

    private Scenario load(String yaml) throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f);
    }

    @Test
    void lossComposesOverThePathAndPlacementAndHairpinAreNamed() throws Exception {
        Scenario s = load("""
            description: conditions
            topology:
              sites:
                - name: cgn
                  nat: symmetric
                  hairpin: true
                  loss: 10
                - name: home-a
                  nat: port-restricted-cone
                  behind: cgn
                  loss: 20
                  peers: [alice, carol]
                - name: home-b
                  nat: port-restricted-cone
                  behind: cgn
                  peers: [bob]
                - name: lossy
                  nat: port-restricted-cone
                  loss: 30
                  peers: [dave]
            punches:
              - peers: [alice, bob]
                expect: auto
            """);
        PairConditions sameLan = PairConditionsOf.of(s.topology(), "alice", "carol");
        assertThat(sameLan.placement()).isEqualTo(PairConditions.SAME_LAN);
        PairConditions shared = PairConditionsOf.of(s.topology(), "alice", "bob");
        assertThat(shared.placement()).isEqualTo(PairConditions.SHARED_NAT);
        assertThat(shared.firstLossPercent()).isEqualTo(28.0); // 1 - 0.8 x 0.9
        assertThat(shared.secondLossPercent()).isEqualTo(10.0);
        assertThat(shared.hairpin()).isTrue();
        assertThat(shared.label()).isEqualTo("behind one shared NAT · loss 28%/10% · hairpin on");
        PairConditions apart = PairConditionsOf.of(s.topology(), "dave", "bob");
        assertThat(apart.placement()).isEqualTo(PairConditions.INTERNET);
        assertThat(apart.label()).isEqualTo("loss 30%/10% · hairpin on");
        assertThat(PairConditions.PLAIN.label()).isEmpty();
    }
}
