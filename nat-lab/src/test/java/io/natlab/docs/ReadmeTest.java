package io.natlab.docs;

import io.natlab.scenario.ScenarioLoader;
import io.natlab.scenario.theory.TheoryOracle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is the user's entry: its theory table must be the oracle's, and every scenario it lists must exist and
 * say what the file says. Files it does not list are fine: a user's own scenario never fails the build.
 * Failure messages name the differing lines, never whole documents.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A row of the "Shipped scenarios" table: | [`x.yaml`](scenarios/x.yaml) | description | */
    private static final Pattern SCENARIO_ROW = Pattern.compile("^\\| \\[`([^`]+)`]\\(scenarios/([^)]+)\\) \\| (.*) \\|$");

    private static List<String> readme() throws IOException {
        return Files.readAllLines(ROOT.resolve("README.md"));
    }

    @Test void theoryTableIsTheOraclesOwn() throws IOException {
        List<String> expected = TheoryOracle.markdownTable().strip().lines().toList();
        List<String> lines = readme();
        int start = lines.indexOf(expected.get(0));
        assertThat(start).as("README has no theory rule table (its header line: %s)", expected.get(0)).isNotNegative();
        assertThat(lines.get(start - 1)).as("the line before the rule table must be blank, or Markdown will not render it").isBlank();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String actual = start + i < lines.size() ? lines.get(start + i) : "<end of README>";
            if (!actual.equals(expected.get(i)))
                differences.add("README.md:" + (start + i + 1) + "\n  README: " + actual + "\n  oracle: " + expected.get(i));
        }
        assertThat(differences)
            .as("README's theory table is stale: regenerate it with java -cp nat-lab/target/nat-lab.jar io.natlab.scenario.theory.TheoryOracle")
            .isEmpty();
    }

    @Test void everyListedScenarioExistsAndSaysWhatItsFileSays() throws IOException {
        Map<String, String> listed = listedScenarios(readme());
        assertThat(listed).as("README lists no scenario (expected rows like | [`x.yaml`](scenarios/x.yaml) | description |)").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        listed.forEach((file, description) -> {
            Path path = ROOT.resolve("scenarios").resolve(file);
            if (!Files.isRegularFile(path)) {
                wrong.add("scenarios/" + file + ": listed in README.md, but there is no such file");
                return;
            }
            String actual = ScenarioLoader.load(path).description();
            if (!actual.equals(description))
                wrong.add("scenarios/" + file + ":\n  README: " + description + "\n  file:   " + actual);
        });
        assertThat(wrong).as("README's scenario list").isEmpty();
    }

    @Test void rowsOfTheScenarioTableAreRead() {
        Map<String, String> listed = listedScenarios(List.of(
            "| file | description |", "|---|---|", "| [`a.yaml`](scenarios/a.yaml) | A |", "text"));
        assertThat(listed).containsExactly(Map.entry("a.yaml", "A"));
    }

    /** file name -> description, from the README's scenario table rows. */
    static Map<String, String> listedScenarios(List<String> readme) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : readme) {
            Matcher m = SCENARIO_ROW.matcher(line);
            if (m.matches()) {
                assertThat(m.group(1)).as("link text and target of %s", line).isEqualTo(m.group(2));
                listed.put(m.group(2), m.group(3).replace("\\|", "|"));
            }
        }
        return listed;
    }
}
