package io.natlab.scenario;

import io.natlab.topology.yaml.ReservedRanges;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped scenario (scenarios/*.yaml) and every example scenario under test resources must load. */
class ScenarioFilesTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioFileLoads() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(ScenarioLoaderTest.RESOURCES.resolve("good")));
        repoRoot().map(root -> root.resolve("scenarios")).filter(Files::isDirectory)
            .ifPresent(dir -> files.addAll(yamlFiles(dir)));
        assertThat(files).isNotEmpty();
        ScenarioLoader loader = new ScenarioLoader(ReservedRanges.fixed());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            Scenario s = loader.loadFile(f);
            assertThat(s.punches()).isNotEmpty();
            assertThat(s.description()).isNotBlank();
        }));
    }

    /** The scenario examples in docs/yaml-reference.md must stay valid too. */
    @TestFactory
    Stream<DynamicTest> everyDocumentedExampleLoads() throws IOException {
        java.util.Optional<Path> doc = repoRoot().map(root -> root.resolve("docs").resolve("yaml-reference.md"))
            .filter(Files::isRegularFile);
        if (doc.isEmpty()) return Stream.empty();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
            .matcher(Files.readString(doc.get()));
        List<String> examples = new ArrayList<>();
        while (m.find()) examples.add(m.group(1));
        assertThat(examples).isNotEmpty();
        ScenarioLoader loader = new ScenarioLoader(ReservedRanges.fixed());
        return java.util.stream.IntStream.range(0, examples.size()).mapToObj(i -> DynamicTest.dynamicTest(
            doc.get() + " example " + (i + 1), () -> loader.parse(Path.of(doc.get() + ".example-" + (i + 1) + ".yaml"), examples.get(i))));
    }

    /** The repository root (parent pom next to nat-lab/), found walking up from the working directory. */
    static java.util.Optional<Path> repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("nat-lab"))) {
                return java.util.Optional.of(dir);
            }
        }
        return java.util.Optional.empty();
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
