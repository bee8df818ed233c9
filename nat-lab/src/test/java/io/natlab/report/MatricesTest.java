package io.natlab.report;

import io.natlab.stats.Stats;
import io.natlab.result.PairConditions;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatricesTest {

    private static RunResult run(List<PairResult> a, List<PairResult> b) {
        return new RunResult(1, "2025-01-01T00:00:00Z", 1000, "test", List.of(
                new ScenarioResult("a", "a.yaml", "A", 0, 10, a, null, "rerun a"),
                new ScenarioResult("b", "b.yaml", "B", 0, 10, b, null, "rerun b")));
    }

    @Test
    void poolsSeveralResultsInOneCell() {
        RunResult r = run(List.of(Pairs.pass("full-cone", "symmetric", 10.0, 20.0, 30.0)),
                List.of(Pairs.pair("full-cone", "symmetric", "drop", "listen-connect", Verdict.UNEXPECTED_FAILURE,
                        40.0, null, null)));
        NatMatrix m = Matrices.of(r).get(0);
        MatrixCell cell = m.cell("full-cone", "symmetric").orElseThrow();

        assertThat(cell.entries()).hasSize(2);
        assertThat(cell.successes()).isEqualTo(4);
        assertThat(cell.trials()).isEqualTo(6);
        // Over the pooled trials 10, 20, 30, 40 — not the median of the pairs' medians (20 and 40).
        assertThat(cell.p50Ms()).isEqualTo(20.0);
        assertThat(cell.p95Ms()).isEqualTo(40.0);
        assertThat(cell.observed()).isEqualTo(MatrixCell.Observed.MIXED);
        assertThat(cell.failedVerdict()).isTrue();
        assertThat(cell.wilson()).isEqualTo(Stats.wilson(4, 6));
    }

    @Test
    void fallsBackToPairPercentilesWithoutTrialData() {
        PairResult p = Pairs.pass("none", "none", 10.0, 12.0);
        PairResult noTrials = new PairResult(p.first(), p.second(), p.firstNat(), p.secondNat(), p.unsolicited(),
                p.strategy(), p.expectation(), p.expected(), p.expectedReason(), p.observed(), p.successes(), p.trials(),
                p.wilsonLow(), p.wilsonHigh(), p.p50Ms(), p.p95Ms(), p.maxMs(), p.methods(), p.meanAttempts(),
                p.classification(), p.verdict(), p.message(), null, p.diagnostics());
        MatrixCell cell = Matrices.of(run(List.of(noTrials), List.of())).get(0).cell("none", "none").orElseThrow();
        assertThat(cell.p50Ms()).isEqualTo(10.0);
    }

    @Test
    void groupsByPolicyAndStrategyInReadingOrder() {
        RunResult r = run(List.of(
                        Pairs.pair("symmetric", "none", "icmp", "listen-connect", Verdict.PASS, 1.0),
                        Pairs.pair("symmetric", "none", "drop", "connect-only", Verdict.PASS, 1.0),
                        Pairs.pair("symmetric", "none", "drop/rst", "listen-connect", Verdict.PASS, 1.0),
                        Pairs.pair("symmetric", "none", "rst", "listen-connect", Verdict.PASS, 1.0)),
                List.of(Pairs.pair("symmetric", "none", "drop", "listen-connect", Verdict.PASS, 1.0)));
        assertThat(Matrices.of(r)).extracting(NatMatrix::title).containsExactly(
                "unsolicited drop · listen-connect", "unsolicited drop · connect-only",
                "unsolicited rst · listen-connect", "unsolicited icmp · listen-connect",
                "unsolicited drop/rst · listen-connect");
    }

    @Test
    void axesAreTheUnionOfRowAndColumnLabelsInOrder() {
        RunResult r = run(List.of(Pairs.pass("symmetric", "none", 1.0),
                Pairs.pass("port-restricted-cone behind symmetric", "full-cone", 1.0)), List.of());
        NatMatrix m = Matrices.of(r).get(0);
        assertThat(m.labels()).containsExactly("none", "full-cone", "symmetric", "port-restricted-cone behind symmetric");
        assertThat(m.cell("none", "symmetric")).isEmpty();
        assertThat(m.cell("symmetric", "none")).isPresent();
    }

    @Test
    void allDirectAndAllFailedCellsSaySo() {
        RunResult r = run(List.of(Pairs.pass("none", "none", 1.0, 2.0), Pairs.pass("symmetric", "symmetric", null, null)),
                List.of());
        NatMatrix m = Matrices.of(r).get(0);
        assertThat(m.cell("none", "none").orElseThrow().observed()).isEqualTo(MatrixCell.Observed.DIRECT);
        MatrixCell failed = m.cell("symmetric", "symmetric").orElseThrow();
        assertThat(failed.observed()).isEqualTo(MatrixCell.Observed.FAILED);
        assertThat(failed.p50Ms()).isNull();
        assertThat(failed.failedVerdict()).isFalse();
    }

    @Test
    void pairsWithDifferentConditionsNeverShareACell() {
        PairResult plain = Pairs.pass("port-restricted-cone", "port-restricted-cone", 10.0, 20.0);
        PairResult sameLan = withConditions(plain, new PairConditions(PairConditions.SAME_LAN, 0, 0, 0, 0, false, "punch-core"));
        PairResult lossy = withConditions(Pairs.pair("port-restricted-cone", "port-restricted-cone", "drop", "listen-connect",
                Verdict.PASS, null, null, null), new PairConditions(PairConditions.INTERNET, 30, 30, 0, 0, false, "punch-core"));
        List<NatMatrix> ms = Matrices.of(run(List.of(plain, sameLan), List.of(lossy)));
        assertThat(ms).extracting(NatMatrix::title).containsExactly("unsolicited drop · listen-connect",
                "unsolicited drop · listen-connect · loss 30%",
                "unsolicited drop · listen-connect · same LAN");
        for (NatMatrix m : ms)
            assertThat(m.cell("port-restricted-cone", "port-restricted-cone").orElseThrow().entries()).hasSize(1);
    }

    private static PairResult withConditions(PairResult p, PairConditions c) {
        return new PairResult(p.first(), p.second(), p.firstNat(), p.secondNat(), p.unsolicited(), p.strategy(),
                p.expectation(), p.expected(), p.expectedReason(), p.observed(), p.successes(), p.trials(), p.wilsonLow(),
                p.wilsonHigh(), p.p50Ms(), p.p95Ms(), p.maxMs(), p.methods(), p.meanAttempts(), p.classification(),
                p.verdict(), p.message(), p.trialResults(), p.diagnostics(), p.failedAt(), c);
    }
}
