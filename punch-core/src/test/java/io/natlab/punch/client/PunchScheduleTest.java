package io.natlab.punch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PunchScheduleTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void unansweredSynsAreReissuedEarlyAfterAFewRttsDoublingThenLeftToTheKernel() {
        PunchSchedule lan = new PunchSchedule(200_000, Backoff.DEFAULT); // 0.2 ms to the server
        assertThat(lan.reissueMillis(1)).isEqualTo(15);
        assertThat(lan.reissueMillis(2)).isEqualTo(30);
        assertThat(lan.reissueMillis(6)).isEqualTo(480);
        // After that a pending connect is left to the kernel's retransmits.
        assertThat(lan.reissueMillis(7)).isEqualTo(Integer.MAX_VALUE);

        PunchSchedule far = new PunchSchedule(40 * MS, Backoff.DEFAULT); // 40 ms: first re-issue after 4 RTT + 10 ms
        assertThat(far.reissueMillis(1)).isEqualTo(170);
        assertThat(far.reissueMillis(4)).isEqualTo(1000);
        assertThat(new PunchSchedule(10_000 * MS, Backoff.DEFAULT).reissueMillis(1)).isEqualTo(500);
    }

    @Test
    void refusedSynsRaceWithPausesOfAtMostAnRttThenBackOff() {
        Backoff backoff = new Backoff(Duration.ofMillis(2), Duration.ofMillis(16));
        PunchSchedule schedule = new PunchSchedule(MS, backoff);
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.refusedPauseNanos(50, 10 * MS)).isBetween(0L, MS);
            assertThat(schedule.refusedPauseNanos(1, 600 * MS)).isBetween(MS, 3 * MS);
            assertThat(schedule.refusedPauseNanos(50, 600 * MS)).isBetween(8 * MS, 24 * MS);
        }
        assertThat(schedule.inRace(499 * MS)).isTrue();
        assertThat(schedule.inRace(500 * MS)).isFalse();
        // On a long path the race lasts 100 RTTs, and a pause is bounded by 5 ms.
        PunchSchedule far = new PunchSchedule(40 * MS, backoff);
        assertThat(far.inRace(3_999 * MS)).isTrue();
        assertThat(far.refusedPauseNanos(3, 0)).isBetween(0L, 5 * MS);
    }
}
