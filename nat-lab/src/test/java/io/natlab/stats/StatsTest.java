package io.natlab.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void percentileIsByNearestRank() {
        List<Double> v = List.of(4.0, 1.0, 3.0, 2.0);
        assertThat(Stats.percentile(v, 50)).isEqualTo(2.0);
        assertThat(Stats.percentile(v, 51)).isEqualTo(3.0);
        assertThat(Stats.percentile(v, 0)).isEqualTo(1.0);
        assertThat(Stats.percentile(v, 100)).isEqualTo(4.0);
        assertThat(Stats.percentile(List.of(10.0, 20.0, 30.0, 40.0, 50.0), 95)).isEqualTo(50.0);
        assertThat(Stats.percentile(List.of(10.0, 20.0, 30.0, 40.0, 50.0), 50)).isEqualTo(30.0);
    }

    @Test
    void percentileOfOneValueIsThatValueAndOfNoneIsNull() {
        assertThat(Stats.percentile(List.of(7.5), 95)).isEqualTo(7.5);
        assertThat(Stats.percentile(List.of(), 50)).isNull();
        assertThat(Stats.percentile(Arrays.asList(null, Double.NaN), 50)).isNull();
    }

    @Test
    void percentileRejectsOutOfRange() {
        assertThatThrownBy(() -> Stats.percentile(List.of(1.0), 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wilsonMatchesPublishedValues() {
        // 3/5 at 95%: 0.2307 to 0.8824 (Wilson score interval tables).
        Interval w = Stats.wilson(3, 5);
        assertThat(w.low()).isCloseTo(0.2307, within(1e-4));
        assertThat(w.high()).isCloseTo(0.8824, within(1e-4));
    }

    @Test
    void wilsonStaysInsideZeroOneAtTheEdges() {
        assertThat(Stats.wilson(5, 5).high()).isEqualTo(1.0);
        assertThat(Stats.wilson(5, 5).low()).isCloseTo(0.5655, within(1e-4));
        assertThat(Stats.wilson(0, 5).low()).isEqualTo(0.0);
        assertThat(Stats.wilson(0, 5).high()).isCloseTo(0.4345, within(1e-4));
        assertThat(Stats.wilson(0, 0)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void wilsonRejectsImpossibleCounts() {
        assertThatThrownBy(() -> Stats.wilson(6, 5)).hasMessageContaining("6/5");
    }
}
