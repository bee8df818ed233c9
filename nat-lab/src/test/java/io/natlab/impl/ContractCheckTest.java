package io.natlab.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.natlab.impl.ContractCheck.Process;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractCheckTest {
    private static final String DIRECT = "{\"outcome\":\"direct\",\"method\":\"accept\",\"local\":\"10.1.0.3:40000\","
            + "\"remote\":\"198.18.0.3:40000\",\"elapsedMs\":3.2,\"attempts\":1,\"rttMs\":0.21,\"bytesVerified\":65536}";
    private static final String FAILED = "{\"outcome\":\"failed\",\"attempts\":0,\"bytesVerified\":0,"
            + "\"error\":\"timeout: no peer\"}";

    private static List<String> check(String stdout, int exit) {
        return ContractCheck.violations(new Process(stdout, exit, 1000, 5000));
    }

    @Test
    void conformingResultsPass() {
        assertThat(check(DIRECT + "\n", 0)).isEmpty();
        assertThat(check(FAILED, 1)).isEmpty();
        assertThat(check("{\"outcome\":\"direct\",\"method\":\"connect\",\"local\":\"[fd00::3]:1\",\"remote\":\"1.2.3.4:5\","
                + "\"elapsedMs\":1,\"attempts\":0,\"rttMs\":0,\"bytesVerified\":0,\"extra\":true}", 0)).isEmpty();
    }

    @Test
    void eachViolationIsOnePlainLine() {
        assertThat(check("", 1)).containsExactly("printed no JSON line on stdout (exit 1)");
        assertThat(check("hello\n" + FAILED, 1)).containsExactly(
                "printed 2 lines on stdout; the contract allows exactly one JSON line (events belong on stderr)");
        assertThat(check("garbage\u0000\nmore garbage {", 1)).anyMatch(v -> v.startsWith("stdout is not JSON: 'more"));
        assertThat(check("[1,2]", 1)).containsExactly("stdout is JSON but not an object: '[1,2]'");
        assertThat(check(DIRECT, 1)).containsExactly("exit code 1 but outcome 'direct' (the contract says 0)");
        assertThat(check(FAILED, 0)).containsExactly("exit code 0 but outcome 'failed' (the contract says 1)");
        assertThat(check("{\"outcome\":\"ok\"}", 0)).containsExactly("outcome: must be \"direct\" or \"failed\", got '\"ok\"'");
        assertThat(check("{\"outcome\":\"direct\",\"attempts\":-1,\"bytesVerified\":1.5}", 0)).contains(
                "attempts: must be an integer >= 0, got '-1'", "bytesVerified: must be an integer >= 0, got '1.5'",
                "elapsedMs: must be a number >= 0 on a direct outcome",
                "method: must be connect, accept or private on a direct outcome",
                "local: must be a numeric ip:port on a direct outcome");
        assertThat(check("{\"outcome\":\"failed\",\"attempts\":0,\"bytesVerified\":0}", 1))
                .containsExactly("error: a failed outcome must say why in a non-empty string");
        assertThat(check("x".repeat(500), 1)).allMatch(v -> v.length() < 200);
    }

    @Test
    void deadlinesAndKills() {
        assertThat(ContractCheck.violations(new Process(FAILED, 1, 7001, 5000)))
                .containsExactly("ran 7001 ms, past its 5000 ms deadline + 2000 ms slack");
        assertThat(ContractCheck.violations(new Process("", -1, 30000, 5000))).containsExactly(
                "did not exit by itself: killed after 30000 ms (deadline 5000 ms + 2000 ms slack)",
                "printed no JSON line on stdout (exit -1)");
        assertThat(ContractCheck.violations(new Process("", 2, 10, 5000)))
                .containsExactly("exit 2: it reported a usage error for the contract's inputs");
    }
}
