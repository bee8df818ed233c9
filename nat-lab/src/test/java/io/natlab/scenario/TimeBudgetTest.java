package io.natlab.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBudgetTest {
    @Test
    void parsesRttMultiplesPlusADuration() {
        assertThat(TimeBudget.parse("2rtt + 100ms")).isEqualTo(new TimeBudget(2, Duration.ofMillis(100)));
        assertThat(TimeBudget.parse("100ms+2rtt")).isEqualTo(new TimeBudget(2, Duration.ofMillis(100)));
        assertThat(TimeBudget.parse("1.5rtt")).isEqualTo(new TimeBudget(1.5, Duration.ZERO));
        assertThat(TimeBudget.parse("2s")).isEqualTo(TimeBudget.of(Duration.ofSeconds(2)));
    }

    @Test
    void resolvesWithThePairsRttAndShowsBothForms() {
        TimeBudget b = TimeBudget.parse("2rtt + 100ms");
        assertThat(b.resolve(Duration.ofMillis(80))).isEqualTo(Duration.ofMillis(260));
        assertThat(b.describe(Duration.ofMillis(80))).isEqualTo("2rtt + 100ms = 260 ms");
        assertThat(TimeBudget.parse("3s").describe(Duration.ofMillis(80))).isEqualTo("3000 ms");
        assertThat(b.relative()).isTrue();
    }

    @Test
    void refusesWhatIsNotABudget() {
        assertThatThrownBy(() -> TimeBudget.parse("2rtt +")).hasMessageContaining("write e.g. 2rtt + 100ms");
        assertThatThrownBy(() -> TimeBudget.parse("rtt")).hasMessageContaining("is not a budget");
        assertThatThrownBy(() -> TimeBudget.parse("2rtt * 3")).isInstanceOf(IllegalArgumentException.class);
    }
}
