package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartDelaysTest {
    @Test
    void readsIdsAndDelaysSkippingCommentsAndBlankLines() {
        StartDelays d = StartDelays.parse("# trial 3\n\nbob-t3 200\n  alice-t3\t0  \n", "f");
        assertThat(d.delayMs("bob-t3")).isEqualTo(200);
        assertThat(d.delayMs("alice-t3")).isZero();
        assertThat(d.delayMs("carol")).isZero();
    }

    @Test
    void everyBadLineIsNamedWithItsLineNumber() {
        assertThatThrownBy(() -> StartDelays.parse("a 1\nb\n", "f")).hasMessage("f:2: expected 'ID DELAY_MS', got 1 words");
        assertThatThrownBy(() -> StartDelays.parse("a/b 1", "f")).hasMessageContaining("f:1: id must be");
        assertThatThrownBy(() -> StartDelays.parse("a 1.5", "f")).hasMessageContaining("f:1: delay must be whole milliseconds");
        assertThatThrownBy(() -> StartDelays.parse("a -1", "f")).hasMessage("f:1: delay must be 0..60000 ms, got -1");
        assertThatThrownBy(() -> StartDelays.parse("a 60001", "f")).hasMessageContaining("got 60001");
        assertThatThrownBy(() -> StartDelays.parse("a 1\na 2", "f")).hasMessage("f:2: id 'a' is listed twice");
    }

    @Test
    void aMissingFileMeansNoDelays(@TempDir Path dir) throws Exception {
        assertThat(StartDelays.read(dir.resolve("absent")).delayMs("a")).isZero();
        Path f = Files.writeString(dir.resolve("d"), "a 60000\n");
        assertThat(StartDelays.read(f).delayMs("a")).isEqualTo(60_000);
    }
}
