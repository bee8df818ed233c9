package io.natlab.scenario.stream;

import io.natlab.result.StreamResult;

import java.util.List;
import java.util.Objects;
import io.natlab.result.TrialResult;
import java.util.Optional;

/**
 * Judges one trial's held stream from both clients' {@code stream} reports: the state is the worse side's, times
 * the earlier side's (recovery the slower side's), counts the sum. Nothing may be lost silently: a stream that
 * "survived" with heartbeats lost, or any duplicated or corrupted heartbeat, does not hold. Pure.
 */
public final class StreamJudge {
    private StreamJudge() {}

    /** As {@link #judge(String, Optional, String, Optional, StreamPrediction, List, double)} with no teardown rule. */
    public static StreamResult judge(String firstPeer, Optional<ClientStream> first, String secondPeer,
                                     Optional<ClientStream> second, StreamPrediction expected, List<String> events) {
        return judge(firstPeer, first, secondPeer, second, expected, events, Double.MAX_VALUE);
    }

    /**
     * @param holdMs the hold: a side that reports a break at or after it broke while the stream was being closed
     *               (seen under 20 % loss: the closing handshake lost, then a RST), not while it was held; with no
     *               heartbeat lost it counts as survived
     */
    public static StreamResult judge(String firstPeer, Optional<ClientStream> first, String secondPeer,
                                     Optional<ClientStream> second, StreamPrediction expected, List<String> events,
                                     double holdMs) {
        Optional<ClientStream> firstAsSent = first, secondAsSent = second;
        first = first.map(c -> afterHold(c, secondAsSent, holdMs));
        second = second.map(c -> afterHold(c, firstAsSent, holdMs));
        String exp = expected.outcome().yamlName(), why = expected.ruleId() + ": " + expected.reason();
        if (first.isEmpty() || second.isEmpty()) {
            String missing = first.isEmpty() ? firstPeer : secondPeer;
            return new StreamResult(null, exp, why, false, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, events,
                missing + " reported no stream (an implementation without the hold capability, or it ended early)");
        }
        ClientStream a = first.get(), b = second.get();
        String state = worse(a.state(), b.state());
        boolean aFirst = b.detectedAtMs() == null || (a.detectedAtMs() != null && a.detectedAtMs() <= b.detectedAtMs());
        ClientStream noticer = aFirst ? a : b;
        long lost = a.lost() + b.lost(), dup = a.duplicated() + b.duplicated(), bad = a.corrupted() + b.corrupted();
        String problem = null;
        if (state == null) problem = "a client reported an unknown stream state (" + a.state() + "/" + b.state() + ")";
        else if (!state.equals(expected.outcome().state())) problem = "expected " + exp + ", the stream " + state;
        else if (bad > 0 || dup > 0) problem = bad + " corrupted and " + dup + " duplicated heartbeats";
        else if (state.equals("survived") && lost > 0) problem = lost + " heartbeats lost on a stream that survived (lost silently)";
        return new StreamResult(state, exp, why, problem == null, min(a.brokeAtMs(), b.brokeAtMs()),
            noticer.detectedAtMs(), noticer.detectedBy(), noticer.detectedAtMs() == null ? null : aFirst ? firstPeer : secondPeer,
            max(a.recoveryMs(), b.recoveryMs()), min(a.heldMs(), b.heldMs()), a.sent() + b.sent(),
            a.received() + b.received(), a.verified() + b.verified(), lost, dup, bad, events, problem);
    }

    /**
     * A side's break counts as the close, not the hold, when nothing was lost and either its last heartbeat came at or
     * after the hold's end, or it noticed the break only after the hold's end having verified every heartbeat the peer
     * sent (CI, 20 % loss and 100 ms added: last heartbeat at 3.9 s of a 4 s hold, all 20 of the peer's verified, a RST
     * at 5.2 s while closing).
     */
    static ClientStream afterHold(ClientStream c, Optional<ClientStream> peer, double holdMs) {
        if (!"broke".equals(c.state()) || c.brokeAtMs() == null || c.lost() > 0) return c;
        boolean lastBeatAfterHold = c.brokeAtMs() >= holdMs;
        boolean noticedAfterHoldWithAllBeats = c.detectedAtMs() != null && c.detectedAtMs() >= holdMs
            && peer.isPresent() && c.verified() >= peer.get().sent();
        if (!lastBeatAfterHold && !noticedAfterHoldWithAllBeats) return c;
        return new ClientStream("survived", c.heldMs(), null, null, null, null, null, c.sent(), c.received(), c.verified(),
            c.lost(), c.duplicated(), c.corrupted());
    }

    /** broke over recovered over survived; null when either is unknown. */
    static String worse(String a, String b) {
        List<String> order = List.of("survived", "recovered", "broke");
        int ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia < 0 || ib < 0) return null;
        return order.get(Math.max(ia, ib));
    }

    private static Double min(Double a, Double b) {
        if (a == null) return b;
        return b == null ? a : Double.valueOf(Math.min(a, b));
    }

    private static Double max(Double a, Double b) {
        if (a == null) return b;
        return b == null ? a : Double.valueOf(Math.max(a, b));
    }

    /** {@code ; stream: 2 survived, 1 broke (expected survives), 1 not as expected: ...}, or nothing. */
    public static String pairNote(List<TrialResult> trials) {
        List<StreamResult> st = trials.stream().map(TrialResult::stream).filter(Objects::nonNull).toList();
        if (st.isEmpty()) return "";
        StringBuilder b = new StringBuilder("; stream: ").append(count(st, "survived")).append(" survived, ")
            .append(count(st, "broke")).append(" broke, ").append(count(st, "recovered")).append(" recovered (expected ")
            .append(st.get(0).expected()).append(", ").append(st.get(0).expectedReason()).append(')');
        st.stream().filter(x -> !x.holds()).map(StreamResult::problem).findFirst()
            .ifPresent(pr -> b.append("; not as expected: ").append(pr));
        return b.toString();
    }

    private static int count(java.util.List<StreamResult> st, String state) {
        return (int) st.stream().filter(x -> state.equals(x.state())).count();
    }
}
