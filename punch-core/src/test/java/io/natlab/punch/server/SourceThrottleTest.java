package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceThrottleTest {
    private static final long S = 1_000_000_000L;
    private final ServerDefences defences = ServerDefences.forMaxConnections(100)
            .withPenalties(3, Duration.ofSeconds(1), Duration.ofSeconds(8));
    private final SourceThrottle throttle = new SourceThrottle(defences);

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void freeFailuresThenAPenaltyThatDoublesUpToTheMaximum() throws Exception {
        InetAddress guesser = ip("10.0.0.1");
        long t = 100 * S;
        for (int i = 0; i < 3; i++) {
            throttle.failed(guesser, t);
            assertThat(throttle.waitNanos(guesser, t)).isZero();
        }
        long[] expected = {1, 2, 4, 8, 8};
        for (long seconds : expected) {
            throttle.failed(guesser, t);
            assertThat(throttle.waitNanos(guesser, t)).isEqualTo(seconds * S);
        }
        assertThat(throttle.waitNanos(ip("10.0.0.2"), t)).as("another source").isZero();
        assertThat(throttle.waitNanos(guesser, t + 8 * S)).isZero();
    }

    @Test
    void slowRetriesAreForgivenAndNeverShutOut() throws Exception {
        InetAddress typo = ip("10.0.0.1");
        long t = 100 * S;
        for (int i = 0; i < 50; i++) {
            t += defences.forgiveEvery().toNanos(); // one failure per forgiveness period
            throttle.failed(typo, t);
            assertThat(throttle.waitNanos(typo, t)).isZero();
        }
    }

    @Test
    void remembersABoundedNumberOfSources() throws Exception {
        for (int i = 0; i < SourceThrottle.MAX_SOURCES + 500; i++) {
            throttle.failed(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}), S);
        }
        assertThat(throttle.trackedSources()).isEqualTo(SourceThrottle.MAX_SOURCES);
    }
}
