package io.natlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped GitHub Actions workflow parses and still does what the README says it does. */
class WorkflowFileTest {
    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "natlab.yml");

    @Test
    void runsTheTestsAndPublishesTheReports() throws Exception {
        JsonNode wf = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        JsonNode steps = wf.at("/jobs/nat-lab/steps");
        List<String> uses = new ArrayList<>(), runs = new ArrayList<>(), paths = new ArrayList<>();
        for (JsonNode s : steps) {
            if (s.has("uses")) uses.add(s.get("uses").asText());
            if (s.has("run")) runs.add(s.get("run").asText());
            if (s.at("/with/path").isTextual()) paths.add(s.at("/with/path").asText());
        }
        assertThat(uses).contains("actions/checkout@v4", "actions/setup-java@v4", "actions/cache@v4");
        JsonNode java = steps.findParent("distribution");
        assertThat(java.get("distribution").asText()).isEqualTo("temurin");
        assertThat(java.get("java-version").asText()).isEqualTo("17");
        assertThat(runs).anySatisfy(r -> assertThat(r).contains("mvn -B verify"));
        assertThat(runs).anySatisfy(r -> assertThat(r).contains("report.md").contains("$GITHUB_STEP_SUMMARY"));
        assertThat(String.join("\n", paths)).contains("nat-lab/target/natlab-report/").contains("nat-lab/target/failsafe-reports/");
        for (JsonNode s : steps)
            if (s.has("uses") && s.get("uses").asText().startsWith("actions/upload-artifact"))
                assertThat(s.get("if").asText()).isEqualTo("always()");
    }
}
