package io.natlab.punch;

import java.util.Locale;

/**
 * How a held stream fared (only when a hold was asked for). Times are ms after {@code stream-up}; a field that
 * does not apply is null. With several breaks, the times describe the first break and its recovery.
 *
 * @param state         survived (never broke), broke (ended broken) or recovered (broke, re-punched, resumed)
 * @param heldMs        stream-up to the end of the hold (or to the detection when it broke for good)
 * @param brokeAtMs     when the last heartbeat from the peer arrived before the break
 * @param detectedAtMs  when this side declared the stream dead
 * @param detectedBy    rst, timeout, eof, error or corrupt
 * @param recoveredAtMs when heartbeats resumed on the re-punched stream
 * @param recoveryMs    detection to resumption
 * @param breaks        breaks detected
 * @param sent          heartbeat frames written, re-sent ones included
 * @param received      heartbeat frames read from the peer with a valid checksum
 * @param verified      heartbeats accepted in sequence
 * @param lost          sequence numbers the peer sent that never arrived
 * @param duplicated    heartbeats that arrived again after their sequence was accepted
 * @param corrupted     frames that failed the magic or checksum check
 * @param resent        heartbeats sent again after a recovery because the peer had not received them
 */
public record StreamReport(State state, double heldMs, Double brokeAtMs, Double detectedAtMs, String detectedBy,
                           Double recoveredAtMs, Double recoveryMs, int breaks, long sent, long received,
                           long verified, long lost, long duplicated, long corrupted, long resent) {

    public enum State {
        SURVIVED, BROKE, RECOVERED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a break was noticed. */
    public enum Detection {
        RST, TIMEOUT, EOF, ERROR, CORRUPT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
