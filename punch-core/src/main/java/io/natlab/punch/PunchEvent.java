package io.natlab.punch;

import java.time.Instant;

/** What a {@link io.natlab.punch.client.PunchClient} did, when. One log line each via {@link #toLogLine()}. */
public sealed interface PunchEvent {
    Instant at();

    /** Short lowercase name: registered, instructed, attempt, accepted, rejected, established, failed. */
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
}
