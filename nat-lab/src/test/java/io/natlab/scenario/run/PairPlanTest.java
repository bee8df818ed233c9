package io.natlab.scenario.run;

import io.natlab.scenario.Expectation;
import io.natlab.punch.Strategy;
import io.natlab.topology.NatPreset;
import io.natlab.topology.Topology;
import io.natlab.topology.UnsolicitedPolicy;
import org.junit.jupiter.api.Test;

import static io.natlab.scenario.TestTopologies.topology;
import static org.assertj.core.api.Assertions.assertThat;

/** The policy label decides which report matrix a pair lands in. */
class PairPlanTest {
    private final Topology t = topology()
        .publicPeer("pub-a").publicPeer("pub-b")
        .site("home-a", NatPreset.PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, "alice")
        .site("home-b", NatPreset.PORT_RESTRICTED_CONE, UnsolicitedPolicy.RST, "bob")
        .build();

    private String label(String first, String second) {
        return PairPlan.of(t, first, second, Strategy.LISTEN_CONNECT, Expectation.AUTO).unsolicited();
    }

    @Test void aPublicPeerTakesTheNatsPolicySoItSharesTheNatsMatrix() {
        assertThat(label("pub-a", "alice")).isEqualTo("drop");
        assertThat(label("bob", "pub-a")).isEqualTo("rst");
    }

    @Test void twoPublicPeersCountAsDropBecauseNoNatAnswers() {
        assertThat(label("pub-a", "pub-b")).isEqualTo("drop");
    }

    @Test void differingNatPoliciesReadFirstSlashSecond() {
        assertThat(label("alice", "bob")).isEqualTo("drop/rst");
        assertThat(label("bob", "alice")).isEqualTo("rst/drop");
    }

    @Test void portPredictionIsExpectedOnlyWhenBothImplementationsDeclareIt() {
        Topology seq = topology()
            .site("seq", NatPreset.SYMMETRIC_SEQUENTIAL, UnsolicitedPolicy.DROP, "alice")
            .site("home", NatPreset.PORT_RESTRICTED_CONE, UnsolicitedPolicy.DROP, "bob")
            .build();
        io.natlab.impl.Implementation other = new io.natlab.impl.Implementation("other", java.nio.file.Path.of("/x"),
            null, java.util.List.of("run"), java.util.Set.of(), null);
        io.natlab.impl.Implementation core = io.natlab.impl.Implementation.PUNCH_CORE;
        assertThat(PairPlan.of(seq, "alice", "bob", Strategy.LISTEN_CONNECT, Expectation.AUTO, core, core)
            .expected().outcome()).isEqualTo(Expectation.DIRECT);
        assertThat(PairPlan.of(seq, "alice", "bob", Strategy.LISTEN_CONNECT, Expectation.AUTO, core, other)
            .expected().outcome()).isEqualTo(Expectation.FAILED);
    }
}
