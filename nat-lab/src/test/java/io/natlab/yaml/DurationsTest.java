package io.natlab.yaml;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void parsesMillisecondsSecondsMinutesAndFractions() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("0ms")).isZero();
    }

    @Test
    void refusesNegativeUnitlessAndGarbage() {
        assertThatThrownBy(() -> Durations.parse("-2s")).hasMessageContaining("is negative");
        assertThatThrownBy(() -> Durations.parse("3")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Durations.parse("2 hours")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Durations.parse("2h")).hasMessageContaining("is not a duration");
    }

    @Test
    void formatsRoundTrip() {
        for (String s : new String[]{"500ms", "2s", "1m", "1500ms"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
        assertThat("250ms").matches(Durations.PATTERN);
        assertThat("-1s").doesNotMatch(Durations.PATTERN);
    }
}
