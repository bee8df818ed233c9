package io.natlab.scenario.run;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrialAllocatorTest {

    @Test
    void idsAndPortsAreFreshPerTrialAndDistinctPerPeer() {
        TrialAllocator a = new TrialAllocator();
        TrialAllocator.Allocation t1 = a.next("alice", "bob");
        TrialAllocator.Allocation t2 = a.next("bob", "alice");
        assertThat(t1.firstId()).isEqualTo("alice-t1");
        assertThat(t1.secondId()).isEqualTo("bob-t1");
        assertThat(t2.firstId()).isEqualTo("bob-t2");
        Set<Integer> ports = new HashSet<>(Set.of(t1.firstPort(), t1.secondPort(), t2.firstPort(), t2.secondPort()));
        assertThat(ports).hasSize(4);
        assertThat(t1.firstPort()).isEqualTo(TrialAllocator.FIRST_PORT);
    }

    @Test
    void portsWrapInsideTheirRange() {
        TrialAllocator a = new TrialAllocator();
        for (int i = 0; i < 25_000; i++) {
            TrialAllocator.Allocation t = a.next("x", "y");
            assertThat(t.firstPort()).isBetween(TrialAllocator.FIRST_PORT, TrialAllocator.LAST_PORT);
            assertThat(t.secondPort()).isBetween(TrialAllocator.FIRST_PORT, TrialAllocator.LAST_PORT);
        }
    }
}
