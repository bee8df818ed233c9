package io.natlab.yaml;

import io.natlab.topology.yaml.YamlKeys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    private static final List<String> KEYS = List.copyOf(YamlKeys.SITE);

    @Test
    void suggestsTheClosestKnownWord() {
        assertThat(DidYouMean.closest("filterin", KEYS)).contains("filtering");
        assertThat(DidYouMean.closest("port_assignment", KEYS)).contains("port-assignment");
        assertThat(DidYouMean.closest("Hairpin", KEYS)).contains("hairpin");
        assertThat(DidYouMean.closest("symetric", List.of("symmetric", "symmetric-sequential"))).contains("symmetric");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.closest("bandwidth", KEYS)).isEmpty();
        assertThat(DidYouMean.hint("zzz", KEYS)).isEmpty();
    }
}
