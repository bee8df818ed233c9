package io.natlab.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NatLabelsTest {

    @Test
    void ordersKnownLabelsFromOpenToRestrictiveThenOthers() {
        List<String> labels = new ArrayList<>(List.of("symmetric", "port-restricted-cone behind symmetric", "custom",
                "none", "symmetric-sequential", "full-cone behind full-cone", "port-restricted-cone", "restricted-cone",
                "full-cone"));
        labels.sort(NatLabels.ORDER);
        assertThat(labels).containsExactly("none", "full-cone", "restricted-cone", "port-restricted-cone", "symmetric",
                "symmetric-sequential", "full-cone behind full-cone", "port-restricted-cone behind symmetric", "custom");
    }

    @Test
    void abbreviatesForTheConsole() {
        assertThat(NatLabels.abbreviate("port-restricted-cone")).isEqualTo("PRC");
        assertThat(NatLabels.abbreviate("none")).isEqualTo("none");
        assertThat(NatLabels.abbreviate("port-restricted-cone behind symmetric")).isEqualTo("PRC<SYM");
        assertThat(NatLabels.abbreviate("custom thing")).isEqualTo("custom thing");
    }
}
