package io.natlab.scenario.stream;

import io.natlab.result.StreamResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Combining both sides' stream reports; nothing lost silently, nothing duplicated or corrupted. */
class StreamJudgeTest {
    private static final StreamPrediction SURVIVES = new StreamPrediction(StreamExpectation.SURVIVES, "r", "why");
    private static final StreamPrediction BREAKS = new StreamPrediction(StreamExpectation.BREAKS, "r", "why");

    static ClientStream side(String state, Double broke, Double detected, String by, long lost, long dup, long bad) {
        return new ClientStream(state, 6000.0, broke, detected, by, null, null, 30, 30 - lost, 30 - lost, lost, dup, bad);
    }

    @Test
    void parsesTheClientsStreamObject() {
        Optional<ClientStream> s = ClientStream.parse("noise\n{\"outcome\":\"direct\",\"stream\":{\"state\":\"broke\","
            + "\"heldMs\":4000,\"brokeAtMs\":2001.5,\"detectedAtMs\":3002,\"detectedBy\":\"timeout\",\"recoveredAtMs\":null,"
            + "\"sent\":20,\"received\":10,\"verified\":10,\"lost\":10,\"duplicated\":0,\"corrupted\":0}}");
        assertThat(s).get().extracting(ClientStream::state, ClientStream::brokeAtMs, ClientStream::detectedBy, ClientStream::lost)
            .containsExactly("broke", 2001.5, "timeout", 10L);
        assertThat(ClientStream.parse("{\"outcome\":\"direct\"}")).isEmpty();
    }

    @Test
    void theEarlierSideNoticesFirstAndTheWorseStateCounts() {
        StreamResult r = StreamJudge.judge("alice", Optional.of(side("broke", 2000.0, 3100.0, "timeout", 5, 0, 0)),
            "bob", Optional.of(side("broke", 2050.0, 2100.0, "rst", 4, 0, 0)), BREAKS, List.of("+2001ms x"));
        assertThat(r.holds()).isTrue();
        assertThat(r.state()).isEqualTo("broke");
        assertThat(r.brokeAtMs()).isEqualTo(2000.0);
        assertThat(r.detectedAtMs()).isEqualTo(2100.0);
        assertThat(r.detectedBy()).isEqualTo("rst");
        assertThat(r.firstToNotice()).isEqualTo("bob");
        assertThat(r.lost()).isEqualTo(9);
        assertThat(r.events()).containsExactly("+2001ms x");
    }

    @Test
    void timesThatDidNotHappenStayNull() {
        StreamResult r = StreamJudge.judge("a", Optional.of(side("survived", null, null, null, 0, 0, 0)), "b",
            Optional.of(side("survived", null, null, null, 0, 0, 0)), SURVIVES, List.of());
        assertThat(r.holds()).isTrue();
        assertThat(r.brokeAtMs()).isNull();
        assertThat(r.recoveryMs()).isNull();
        assertThat(r.firstToNotice()).isNull();
    }

    @Test
    void aBreakWhileClosingAfterTheHoldIsNotABreakOfTheHeldStream() {
        StreamResult r = StreamJudge.judge("a", Optional.of(side("broke", 4144.8, 5433.7, "rst", 0, 0, 0)), "b",
            Optional.of(side("survived", null, null, null, 0, 0, 0)), SURVIVES, List.of(), 4000);
        assertThat(r.state()).isEqualTo("survived");
        assertThat(r.holds()).isTrue();
        // Noticed after the hold, but the peer sent a heartbeat this side never got: the stream broke while held.
        ClientStream peerSentMore = new ClientStream("survived", 6000.0, null, null, null, null, null, 31, 30, 30, 0, 0, 0);
        assertThat(StreamJudge.judge("a", Optional.of(side("broke", 3999.0, 4100.0, "rst", 0, 0, 0)), "b",
            Optional.of(peerSentMore), SURVIVES, List.of(), 4000).state()).isEqualTo("broke");
        // Noticed before the hold ended: a break of the held stream.
        assertThat(StreamJudge.judge("a", Optional.of(side("broke", 3500.0, 3900.0, "rst", 0, 0, 0)), "b",
            Optional.of(side("survived", null, null, null, 0, 0, 0)), SURVIVES, List.of(), 4000).state()).isEqualTo("broke");
    }

    @Test
    void aRstWhileClosingUnderLossAfterEveryHeartbeatArrivedIsNotABreak() {
        // CI, 20 % loss and 100 ms added mid-stream: last heartbeat 3.9 s into a 4 s hold, all of the peer's verified,
        // the RST came at 5.2 s while the two sides closed.
        StreamResult r = StreamJudge.judge("a", Optional.of(side("survived", null, null, null, 0, 0, 0)), "b",
            Optional.of(side("broke", 3909.2, 5228.1, "rst", 0, 0, 0)), SURVIVES, List.of(), 4000);
        assertThat(r.state()).isEqualTo("survived");
        assertThat(r.holds()).isTrue();
    }

    @Test
    void lossOnASurvivingStreamDuplicatesAndCorruptionDoNotHold() {
        assertThat(StreamJudge.judge("a", Optional.of(side("survived", null, null, null, 1, 0, 0)), "b",
            Optional.of(side("survived", null, null, null, 0, 0, 0)), SURVIVES, List.of()).problem()).contains("lost silently");
        assertThat(StreamJudge.judge("a", Optional.of(side("survived", null, null, null, 0, 1, 0)), "b",
            Optional.of(side("survived", null, null, null, 0, 0, 2)), SURVIVES, List.of()).problem())
            .isEqualTo("2 corrupted and 1 duplicated heartbeats");
    }

    @Test
    void theWrongStateOrNoReportDoesNotHold() {
        assertThat(StreamJudge.judge("a", Optional.of(side("survived", null, null, null, 0, 0, 0)), "b",
            Optional.of(side("broke", 1.0, 2.0, "eof", 0, 0, 0)), SURVIVES, List.of()).problem())
            .isEqualTo("expected survives, the stream broke");
        assertThat(StreamJudge.judge("a", Optional.empty(), "b", Optional.of(side("survived", null, null, null, 0, 0, 0)),
            SURVIVES, List.of()).problem()).startsWith("a reported no stream");
    }
}
