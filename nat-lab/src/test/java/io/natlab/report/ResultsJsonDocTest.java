package io.natlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.natlab.result.PairResult;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/results-json.md, the schema and the records describe the same thing. */
class ResultsJsonDocTest {
    // Surefire runs in the module directory.
    private static final Path DOC = Path.of("..", "docs", "results-json.md");

    @Test
    void theDocumentedExampleValidatesAndReadsBack() throws Exception {
        Matcher m = Pattern.compile("## Example.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(m.find()).as("example block in " + DOC).isTrue();
        try (InputStream in = getClass().getResourceAsStream("/schema/natlab-results.schema.json")) {
            var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(new ObjectMapper().readTree(m.group(1)))).isEmpty();
        }
        assertThat(ResultsJson.parse(m.group(1)).scenarios().get(0).pairs().get(0).successes()).isEqualTo(2);
    }

    @Test
    void everyFieldIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        for (Class<?> type : new Class<?>[]{RunResult.class, ScenarioResult.class, PairResult.class, TrialResult.class})
            for (var c : type.getRecordComponents())
                assertThat(doc).as(type.getSimpleName() + "." + c.getName()).contains("`" + c.getName() + "`");
    }
}
