package io.natlab.punch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.punch.Endpoint;
import io.natlab.punch.protocol.ErrorCode;
import io.natlab.punch.server.LogLimiter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token rules shared by both CLIs, and the server's log lines under abuse. */
class HardenedCliTest {

    @Test
    void tokensThatLookLikeOptionsOrAreTooLongAreUsageErrorsInBothCommands() {
        String tooLong = "t".repeat(300);
        for (String[] args : new String[][] {
            {"server", "--port", "0", "--token=--port=22"},
            {"server", "--port", "0", "--token", tooLong},
            {"client", "--server", "127.0.0.1:7000", "--id", "a", "--peer", "b", "--token=--port=22"},
            {"client", "--server", "127.0.0.1:7000", "--id", "a", "--peer", "b", "--token", tooLong},
            {"client", "--server", "127.0.0.1:7000", "--id", "a", "--peer", "b", "--token", "two words"},
        }) {
            PunchCliTest.Run r = PunchCliTest.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(PunchCli.EXIT_USAGE);
            assertThat(r.err()).as(String.join(" ", args)).containsPattern("--token:? must|option .--token. but found .--port=22.")
                .doesNotContain(tooLong);
        }
    }

    @Test
    void repeatedRejectionsAreSummedUpAndClientTextIsEscaped() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(1);
        ServerCommand.LogLines log = new ServerCommand.LogLines(new PrintWriter(text, true),
                InetAddress.getLoopbackAddress(), new LogLimiter(20, Duration.ofSeconds(10), now::get));
        Endpoint remote = Endpoint.parse("198.18.0.9:51200");
        for (int i = 0; i < 3190; i++) {
            log.rejected(remote, null, ErrorCode.BAD_TOKEN, "wrong token");
            log.disconnected(remote, null, "closed after error");
        }
        log.rejected(remote, null, ErrorCode.MALFORMED, "not valid JSON: \"x\nrejected remote=1.2.3.4:5 code=FAKE");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        log.flushSummaries();
        assertThat(text.toString().lines()).hasSize(22)
                .startsWith("rejected remote=198.18.0.9:51200 code=BAD_TOKEN message=\"wrong token\"")
                .contains("rejected remote=198.18.0.9:51200 code=MALFORMED message=\"not valid JSON: 'x\\nrejected "
                        + "remote=1.2.3.4:5 code=FAKE\"")
                .endsWith("rejected code=BAD_TOKEN: 3170 similar events suppressed in the last 10 s");
    }
}
