package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
    private final AtomicLong now = new AtomicLong(1);
    private final LogLimiter limiter = new LogLimiter(3, Duration.ofSeconds(10), now::get);

    @Test
    void printsTheFirstLinesOfAWindowThenSumsUpTheRest() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.addAll(limiter.offer("rejected code=BAD_TOKEN", "rejected " + i));
        }
        out.addAll(limiter.offer("registered", "other kind"));
        assertThat(out).containsExactly("rejected 0", "rejected 1", "rejected 2", "other kind");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.due()).containsExactly("rejected code=BAD_TOKEN: 997 similar events suppressed in the last 10 s");
        assertThat(limiter.offer("rejected code=BAD_TOKEN", "again")).containsExactly("again");
    }
}
