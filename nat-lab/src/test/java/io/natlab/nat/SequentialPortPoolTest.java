package io.natlab.nat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialPortPoolTest {
    @Test void smallDeltasAreCappedAtTheMaximumSlots() {
        SequentialPortPool p = SequentialPortPool.forDelta(1);
        assertThat(p.size()).isEqualTo(SequentialPortPool.MAX_SLOTS);
        assertThat(p.port(0)).isEqualTo(10000);
        assertThat(p.port(4095)).isEqualTo(14095);
    }

    @Test void largeDeltasShrinkThePoolToStayBelowPort65536() {
        SequentialPortPool p = SequentialPortPool.forDelta(1000);
        assertThat(p.size()).isEqualTo(56);
        assertThat(p.port(p.size() - 1)).isEqualTo(65000);
        assertThat(SequentialPortPool.forDelta(60000).size()).isEqualTo(1);
    }

    @Test void elementsListEverySlot() {
        SequentialPortPool p = new SequentialPortPool(10000, 7, 10);
        assertThat(p.nftElements()).startsWith("0 : 10000, 1 : 10007").endsWith("9 : 10063")
            .satisfies(e -> assertThat(e.split(":").length - 1).isEqualTo(10));
    }

    @Test void rejectsBadPools() {
        assertThatThrownBy(() -> SequentialPortPool.forDelta(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new SequentialPortPool(65000, 100, 10)).hasMessageContaining("65535");
        assertThatThrownBy(() -> SequentialPortPool.forDelta(2).port(5000)).hasMessageContaining("outside");
    }
}
