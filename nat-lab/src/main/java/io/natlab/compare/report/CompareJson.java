package io.natlab.compare.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.natlab.compare.CellComparison;
import io.natlab.compare.Comparison;
import io.natlab.compare.GateThresholds;
import java.io.UncheckedIOException;
import java.util.List;

/** compare.json (documented in docs/compare-json.md): the comparison for tools; a test that did not run is null. */
public final class CompareJson {
    public static final String FILE_NAME = "compare.json";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Document(int schemaVersion, String verdict, int exitCode, double wallMs, Comparison.Side base,
                    Comparison.Side head, GateThresholds thresholds, List<Cell> cells, List<String> problems) {
    }

    record Cell(String cell, Side base, Side head, Test success, TimeTest time, boolean regressed) {
    }

    record Side(int successes, int trials, Double medianMs, double[] timesMs) {
    }

    record Test(Double p, Double pAdjusted, String change) {
    }

    record TimeTest(Double p, Double pAdjusted, Double shiftMs, Double ciLowMs, Double ciHighMs, Double confidence,
                    String change) {
    }

    private CompareJson() {
    }

    public static String render(Comparison c) {
        List<Cell> cells = c.cells().stream().map(CompareJson::cell).toList();
        try {
            return JSON.writeValueAsString(new Document(SCHEMA_VERSION, c.verdict().label(), c.verdict().exitCode(),
                c.wallMs(), c.base(), c.head(), c.thresholds(), cells, c.problems())) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell cell(CellComparison x) {
        var s = x.samples();
        var hl = x.shift();
        return new Cell(s.cell(),
            new Side(s.baseSuccesses(), s.baseTrials(), num(CompareFormat.median(s.baseTimesMs())), s.baseTimesMs()),
            new Side(s.headSuccesses(), s.headTrials(), num(CompareFormat.median(s.headTimesMs())), s.headTimesMs()),
            new Test(num(x.successP()), num(x.successPAdjusted()), x.success().label()),
            new TimeTest(num(x.timeP()), num(x.timePAdjusted()), hl == null ? null : hl.shift(),
                hl == null ? null : hl.lower(), hl == null ? null : hl.upper(), hl == null ? null : hl.confidence(),
                x.time().label()),
            x.regressed());
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
