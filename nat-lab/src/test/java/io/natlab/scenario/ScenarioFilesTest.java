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
        repoScenarios().ifPresent(dir -> files.addAll(yamlFiles(dir)));
        assertThat(files).isNotEmpty();
        ScenarioLoader loader = new ScenarioLoader(ReservedRanges.fixed());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            Scenario s = loader.loadFile(f);
            assertThat(s.punches()).isNotEmpty();
            assertThat(s.description()).isNotBlank();
        }));
    }

    /** The repository's scenarios/ directory: the one next to the parent pom, found walking up from here. */
    static java.util.Optional<Path> repoScenarios() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scenarios")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return java.util.Optional.of(dir.resolve("scenarios"));
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
