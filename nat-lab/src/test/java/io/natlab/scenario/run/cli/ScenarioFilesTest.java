package io.natlab.scenario.run.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioFilesTest {
    @TempDir Path tmp;

    @Test
    void globsRelativeAbsoluteAndPlainPaths() throws IOException {
        Files.createDirectories(tmp.resolve("scenarios/sub"));
        for (String f : new String[] {"scenarios/a.yaml", "scenarios/b.yaml", "scenarios/notes.txt", "scenarios/sub/c.yaml"})
            Files.writeString(tmp.resolve(f), "x");
        assertThat(ScenarioFiles.resolve("scenarios/*.yaml", tmp)).extracting(p -> p.getFileName().toString())
            .containsExactly("a.yaml", "b.yaml");
        assertThat(ScenarioFiles.resolve("scenarios/**.yaml", tmp)).hasSize(3);
        assertThat(ScenarioFiles.resolve(tmp.resolve("scenarios/sub/*.yaml").toString(), Path.of("/nonexistent")))
            .containsExactly(tmp.resolve("scenarios/sub/c.yaml"));
        assertThat(ScenarioFiles.resolve("scenarios/a.yaml, scenarios/sub/c.yaml", tmp)).hasSize(2);
        assertThat(ScenarioFiles.resolve("nowhere/*.yaml", tmp)).isEmpty();
        assertThat(ScenarioFiles.resolve("scenarios/missing.yaml", tmp)).isEmpty();
    }
}
