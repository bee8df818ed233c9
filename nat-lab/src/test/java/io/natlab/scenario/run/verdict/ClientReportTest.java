package io.natlab.scenario.run.verdict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientReportTest {

    @Test
    void parsesTheContractExample() {
        ClientReport r = ClientReport.parse("{\"outcome\":\"direct\",\"method\":\"accept\",\"local\":\"10.1.0.3:40000\","
            + "\"remote\":\"198.18.0.3:40000\",\"elapsedMs\":3.2,\"attempts\":1,\"rttMs\":0.21,\"bytesVerified\":65536}\n", 0);
        assertThat(r.direct()).isTrue();
        assertThat(r.method()).isEqualTo("accept");
        assertThat(r.elapsedMs()).isEqualTo(3.2);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.rttMs()).isEqualTo(0.21);
        assertThat(r.bytesVerified()).isEqualTo(65536);
        assertThat(r.remote()).isEqualTo("198.18.0.3:40000");
    }

    @Test
    void parsesAFailureWithUnknownFields() {
        ClientReport r = ClientReport.parse("{\"outcome\":\"failed\",\"error\":\"timeout after 5s\",\"attempts\":4,\"extra\":[1]}", 1);
        assertThat(r.direct()).isFalse();
        assertThat(r.error()).isEqualTo("timeout after 5s");
        assertThat(r.attempts()).isEqualTo(4);
        assertThat(r.elapsedMs()).isNull();
    }

    @Test
    void toleratesStrayLinesAroundTheObject() {
        ClientReport r = ClientReport.parse("Picked up JAVA_TOOL_OPTIONS: x\n{\"outcome\":\"direct\",\"elapsedMs\":1}\n", 0);
        assertThat(r.direct()).isTrue();
    }

    @Test
    void noJsonIsAFailureSayingWhatWasPrinted() {
        ClientReport r = ClientReport.parse("Error: Unable to access jarfile /opt/punch/punch.jar", 1);
        assertThat(r.direct()).isFalse();
        assertThat(r.error()).contains("no JSON result (exit 1)", "Unable to access jarfile");
        assertThat(ClientReport.parse("", -1).error()).isEqualTo("client printed no JSON result (exit -1)");
    }

    @Test
    void malformedJsonAndUnknownOutcomesAreFailures() {
        assertThat(ClientReport.parse("{\"outcome\":\"direct\",", 0).error()).startsWith("client printed malformed JSON");
        assertThat(ClientReport.parse("{\"outcome\":\"maybe\"}", 0).error()).contains("outcome 'maybe'");
    }
}
