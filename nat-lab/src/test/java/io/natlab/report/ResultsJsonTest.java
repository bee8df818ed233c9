package io.natlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        try (InputStream in = ResultsJsonTest.class.getResourceAsStream("/schema/natlab-results.schema.json")) {
            assertThat(in).as("schema on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        RunResult run = SampleRuns.full();
        Path file = dir.resolve("results.json");
        ResultsJson.write(run, file);
        assertThat(ResultsJson.read(file)).isEqualTo(run);
    }

    @Test
    void sampleRunValidatesAgainstTheSchema() throws Exception {
        Set<ValidationMessage> errors = schema().validate(JSON.readTree(ResultsJson.toJson(SampleRuns.full())));
        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRejectsAMissingFieldAWrongVerdictAndAnUnknownField() throws Exception {
        JsonNode good = JSON.readTree(ResultsJson.toJson(SampleRuns.full()));

        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.at("/scenarios/0/pairs/0")).remove("successes");
        assertThat(schema().validate(missing)).anySatisfy(m -> assertThat(m.getMessage()).contains("successes"));

        ObjectNode badVerdict = good.deepCopy();
        ((ObjectNode) badVerdict.at("/scenarios/0/pairs/0")).put("verdict", "MAYBE");
        assertThat(schema().validate(badVerdict)).isNotEmpty();

        ObjectNode unknown = good.deepCopy();
        ((ObjectNode) unknown.at("/scenarios/0")).put("surprise", 1);
        assertThat(schema().validate(unknown)).anySatisfy(m -> assertThat(m.getMessage()).contains("surprise"));
    }

    @Test
    void fieldsFollowRecordOrderSoFilesDiffCleanly() throws Exception {
        JsonNode pair = JSON.readTree(ResultsJson.toJson(SampleRuns.full())).at("/scenarios/0/pairs/0");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = pair.fieldNames(); it.hasNext(); ) names.add(it.next());
        List<String> components = new ArrayList<>();
        for (var c : PairResult.class.getRecordComponents()) components.add(c.getName());
        assertThat(names).isEqualTo(components);
    }

    @Test
    void computedAccessorsAreNotSerialised() throws Exception {
        JsonNode root = JSON.readTree(ResultsJson.toJson(SampleRuns.full()));
        assertThat(root.at("/scenarios/0").has("passed")).isFalse();
        assertThat(root.at("/scenarios/0/pairs/0/trialResults/0").has("success")).isFalse();
    }

    @Test
    void nonFiniteNumbersBecomeNullNotInvalidJson() throws Exception {
        PairResult p = Pairs.pass("none", "none", 1.0);
        PairResult nan = new PairResult(p.first(), p.second(), p.firstNat(), p.secondNat(), p.unsolicited(), p.strategy(),
                p.expectation(), p.expected(), p.expectedReason(), p.observed(), p.successes(), p.trials(), p.wilsonLow(),
                p.wilsonHigh(), Double.NaN, Double.POSITIVE_INFINITY, null, p.methods(), Double.NaN, p.classification(),
                Verdict.PASS, p.message(), p.trialResults(), null);
        RunResult run = new RunResult(1, "t", 1, "h", List.of(new ScenarioResult("s", "s.yaml", "d", 0, 0, List.of(nan), null, null)));
        JsonNode json = JSON.readTree(ResultsJson.toJson(run));
        assertThat(json.at("/scenarios/0/pairs/0/p50Ms").isNull()).isTrue();
        assertThat(json.at("/scenarios/0/pairs/0/p95Ms").isNull()).isTrue();
    }

    @Test
    void readIgnoresFieldsFromNewerVersionsAndNamesTheFileOnGarbage(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ResultsJson.toJson(SampleRuns.full()));
        root.put("futureField", true);
        assertThat(ResultsJson.parse(root.toString()).scenarios()).hasSize(SampleRuns.full().scenarios().size());

        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"scenarios\": 3}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsJson.read(bad))
                .hasMessageContaining(bad.toString()).hasMessageContaining("not a natlab results.json");
    }
}
