package io.natlab.docs;

import io.natlab.scenario.theory.TheoryOracle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README is the user's entry: its theory table and scenario list must match the code and the files. */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test void theoryTableIsTheOraclesOwn() throws IOException {
        assertThat(readme())
            .as("README's theory table is stale: regenerate it with java -cp nat-lab/target/nat-lab.jar io.natlab.scenario.theory.TheoryOracle")
            .contains(TheoryOracle.markdownTable().strip());
    }

    @Test void everyShippedScenarioIsListed() throws IOException {
        String readme = readme();
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios"))) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p ->
                assertThat(readme).as("README lists " + p.getFileName()).contains("(scenarios/" + p.getFileName() + ")"));
        }
    }
}
