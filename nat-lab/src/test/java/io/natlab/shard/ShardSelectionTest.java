package io.natlab.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShardSelectionTest {
    @Test
    void theShippedSuiteSplitsIntoDisjointShardsThatCoverIt() throws IOException {
        List<Path> suite;
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            suite = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Path> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<Path> part = ShardSelection.select(suite, new ShardSpec(i, 3), ShardCost.estimated());
            assertThat(part).isNotEmpty();
            assertThat(all).doesNotContainAnyElementsOf(part);
            all.addAll(part);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(suite);
        assertThat(ShardSelection.select(suite, ShardSpec.all(), ShardCost.estimated())).isEqualTo(suite);
    }

    @Test
    void anInvalidFileStillLandsInExactlyOneShard() throws IOException {
        Path bad = Files.createTempFile("broken", ".yaml");
        Files.writeString(bad, "topology: [\n");
        List<Path> files = List.of(bad, Path.of("..", "scenarios", "prc-rst.yaml"));
        List<Path> a = ShardSelection.select(files, new ShardSpec(1, 2), ShardCost.estimated());
        List<Path> b = ShardSelection.select(files, new ShardSpec(2, 2), ShardCost.estimated());
        assertThat(a.size() + b.size()).isEqualTo(2);
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1).doesNotContainAnyElementsOf(a);
        Files.delete(bad);
    }
}
