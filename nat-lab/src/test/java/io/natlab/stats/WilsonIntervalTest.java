package io.natlab.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WilsonIntervalTest {

    @Test
    void allSuccessesStillLeaveRoomBelow() {
        Interval w = Stats.wilson(3, 3);
        assertThat(w.high()).isEqualTo(1.0);
        assertThat(w.low()).isCloseTo(0.4385, within(1e-3)); // textbook value for 3/3
        assertThat(w).hasToString("[44%, 100%]");
    }

    @Test
    void knownValues() {
        Interval w = Stats.wilson(8, 10);
        assertThat(w.low()).isCloseTo(0.4902, within(1e-3));
        assertThat(w.high()).isCloseTo(0.9433, within(1e-3));
        Interval none = Stats.wilson(0, 5);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.4345, within(1e-3));
    }

    @Test
    void noTrialsIsTheWholeRangeAndNonsenseIsRefused() {
        assertThat(Stats.wilson(0, 0)).isEqualTo(new Interval(0, 1));
        assertThatThrownBy(() -> Stats.wilson(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
