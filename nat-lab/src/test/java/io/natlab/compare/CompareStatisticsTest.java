package io.natlab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natlab.compare.CellComparison.Change;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Known values from R (fisher.test, wilcox.test(exact=FALSE, correct=FALSE), p.adjust "holm") and by hand. */
class CompareStatisticsTest {

    @Test
    void fisherMatchesR() {
        assertThat(FisherExact.twoSided(3, 4, 1, 4)).isCloseTo(0.4857143, within(1e-6)); // the tea-tasting table
        assertThat(FisherExact.twoSided(10, 10, 0, 10)).isCloseTo(1.082509e-05, within(1e-10));
        assertThat(FisherExact.twoSided(5, 10, 5, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(FisherExact.twoSided(10, 10, 10, 10)).isEqualTo(1.0);
        assertThat(FisherExact.twoSided(0, 0, 3, 5)).isEqualTo(1.0);
        assertThatThrownBy(() -> FisherExact.twoSided(5, 4, 1, 4)).hasMessageContaining("base: 5 successes of 4");
    }

    @Test
    void mannWhitneyFromTheLibraryMatchesR() {
        double p = new org.apache.commons.math3.stat.inference.MannWhitneyUTest()
                .mannWhitneyUTest(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(p).isCloseTo(0.009023438, within(1e-8));
    }

    @Test
    void hodgesLehmannShiftAndMosesInterval() {
        HodgesLehmann hl = HodgesLehmann.of(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}, 0.95);
        assertThat(hl.shift()).isEqualTo(5.0);
        assertThat(hl.lower()).isEqualTo(2.0);
        assertThat(hl.upper()).isEqualTo(8.0);
        HodgesLehmann tiny = HodgesLehmann.of(new double[] {1}, new double[] {3}, 0.95);
        assertThat(List.of(tiny.shift(), tiny.lower(), tiny.upper())).containsExactly(2.0, 2.0, 2.0);
    }

    @Test
    void holmMatchesR() {
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
        double[] withGap = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertThat(withGap[0]).isCloseTo(0.02, within(1e-12));
        assertThat(withGap[1]).isNaN();
        assertThat(withGap[2]).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void gateFlagsASuccessDropAndASlowdownAndNothingElse() {
        double[] fast = IntStream.range(0, 20).mapToDouble(i -> 10 + i).toArray();
        double[] slow = IntStream.range(0, 20).mapToDouble(i -> 110 + i).toArray();
        List<CellComparison> out = new RegressionGate(GateThresholds.defaults()).compare(List.of(
                new CellSamples("same", 20, 20, fast, 20, 20, fast.clone()),
                new CellSamples("drop", 20, 20, fast, 8, 20, java.util.Arrays.copyOf(fast, 8)),
                new CellSamples("slower", 20, 20, fast, 20, 20, slow),
                new CellSamples("faster", 20, 20, slow, 20, 20, fast),
                new CellSamples("few", 2, 2, new double[] {1, 2}, 0, 2, new double[0])));
        assertThat(out).extracting(c -> c.samples().cell() + ":" + c.success() + "/" + c.time()).containsExactly(
                "same:NO_SIGNIFICANT_CHANGE/NO_SIGNIFICANT_CHANGE",
                "drop:REGRESSION/NO_SIGNIFICANT_CHANGE",
                "slower:NO_SIGNIFICANT_CHANGE/REGRESSION",
                "faster:NO_SIGNIFICANT_CHANGE/IMPROVEMENT",
                "few:NO_SIGNIFICANT_CHANGE/NOT_TESTED");
        assertThat(out.get(2).shift().shift()).isEqualTo(100.0);
        assertThat(out.stream().filter(CellComparison::regressed)).hasSize(2);
    }

    @Test
    void aSignificantButTinySlowdownIsNoRegression() {
        double[] base = IntStream.range(0, 40).mapToDouble(i -> 100 + i * 0.01).toArray();
        double[] head = IntStream.range(0, 40).mapToDouble(i -> 105 + i * 0.01).toArray();
        CellComparison c = new RegressionGate(GateThresholds.defaults())
                .compare(List.of(new CellSamples("x", 40, 40, base, 40, 40, head))).get(0);
        assertThat(c.timePAdjusted()).isLessThan(0.05);
        assertThat(c.time()).isEqualTo(Change.NO_SIGNIFICANT_CHANGE); // 5 ms < max(20 ms, 25 % of 100 ms)
    }
}
