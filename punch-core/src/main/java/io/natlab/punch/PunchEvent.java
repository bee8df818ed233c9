package io.natlab.punch;

import java.time.Instant;

/** What a {@link io.natlab.punch.client.PunchClient} did, when. One log line each via {@link #toLogLine()}. */
public sealed interface PunchEvent {
    Instant at();

    /**
     * Short lowercase name: registered, instructed, attempt, accepted, rejected, established, failed; with a
     * hold also stream-up, stream-broke, stream-recovered.
     */
    String name();

    /** Space-separated key=value details, without time and name. */
    String details();

    default String toLogLine() {
        return at() + " " + name() + " " + details();
    }

    /** The rendezvous server accepted our registration and saw us at {@code publicEndpoint}. */
    record Registered(Instant at, Endpoint publicEndpoint, Endpoint privateEndpoint) implements PunchEvent {
        public String name() {
            return "registered";
        }

        public String details() {
            return "public=" + publicEndpoint + " private=" + privateEndpoint;
        }
    }

    /** The start instruction arrived; {@code sameLan} means the peer's private endpoint is tried too. */
    record Instructed(Instant at, String peer, Endpoint peerPublic, Endpoint peerPrivate, String session,
                      boolean sameLan) implements PunchEvent {
        public String name() {
            return "instructed";
        }

        public String details() {
            return "peer=" + peer + " public=" + peerPublic + " private=" + peerPrivate + " same-lan=" + sameLan
                    + " session=" + session;
        }
    }

    /** One outbound connect from the shared port and how it ended (connected, refused, timeout, ...). */
    record Attempt(Instant at, int number, Endpoint target, String result) implements PunchEvent {
        public String name() {
            return "attempt";
        }

        public String details() {
            return "n=" + number + " target=" + target + " result=" + result;
        }
    }

    /** Our listener accepted an inbound connection (not yet authenticated). */
    record Accepted(Instant at, Endpoint remote) implements PunchEvent {
        public String name() {
            return "accepted";
        }

        public String details() {
            return "remote=" + remote;
        }
    }

    /** A stream was closed without being used: a stray, a failed handshake, or a duplicate. */
    record Rejected(Instant at, Endpoint remote, String reason) implements PunchEvent {
        public String name() {
            return "rejected";
        }

        public String details() {
            return "remote=" + remote + " reason=" + reason;
        }
    }

    /** Both sides agreed on this authenticated stream. */
    record Established(Instant at, Method method, Endpoint local, Endpoint remote, double elapsedMs)
            implements PunchEvent {
        public String name() {
            return "established";
        }

        public String details() {
            return "method=" + method.wireName() + " local=" + local + " remote=" + remote
                    + " elapsedMs=" + String.format(java.util.Locale.ROOT, "%.3f", elapsedMs);
        }
    }

    record Failed(Instant at, String error) implements PunchEvent {
        public String name() {
            return "failed";
        }

        public String details() {
            return "error=\"" + error.replace("\"", "'") + "\"";
        }
    }

    /** The punch and echo check succeeded and the hold begins: the reference time of the stream's figures. */
    record StreamUp(Instant at, Endpoint local, Endpoint remote, long holdMs) implements PunchEvent {
        public String name() {
            return "stream-up";
        }

        public String details() {
            return "local=" + local + " remote=" + remote + " hold-ms=" + holdMs;
        }
    }

    /** This side declared the held stream dead ({@code how}: rst, timeout, eof, error, corrupt). */
    record StreamBroke(Instant at, String how, Double brokeAtMs, double detectedAtMs, String message)
            implements PunchEvent {
        public String name() {
            return "stream-broke";
        }

        public String details() {
            return "how=" + how + " broke-at-ms=" + (brokeAtMs == null ? "none" : ms(brokeAtMs))
                    + " detected-at-ms=" + ms(detectedAtMs) + " message=\"" + message.replace("\"", "'") + "\"";
        }
    }

    /** Heartbeats resumed on a re-punched stream; {@code resent} heartbeats had to be sent again. */
    record StreamRecovered(Instant at, Endpoint local, Endpoint remote, double recoveredAtMs, double recoveryMs,
                           long resent) implements PunchEvent {
        public String name() {
            return "stream-recovered";
        }

        public String details() {
            return "local=" + local + " remote=" + remote + " recovered-at-ms=" + ms(recoveredAtMs)
                    + " recovery-ms=" + ms(recoveryMs) + " resent=" + resent;
        }
    }

    private static String ms(double ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms);
    }
}
