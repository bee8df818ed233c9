package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCapWithJitter() {
        Backoff b = new Backoff(Duration.ofMillis(2), Duration.ofMillis(16));
        for (int i = 0; i < 200; i++) {
            assertThat(b.delayNanos(1)).isBetween(1_000_000L, 3_000_000L);
            assertThat(b.delayNanos(3)).isBetween(4_000_000L, 12_000_000L);
            assertThat(b.delayNanos(50)).isBetween(8_000_000L, 24_000_000L);
        }
    }
}
