package io.natlab.scenario.stream;

import io.natlab.topology.NatBehaviour;
import io.natlab.topology.UnsolicitedPolicy;

import java.time.Duration;

/**
 * One event as the stream oracle sees it: what happens, on a router that behaves how, to a stream held how.
 *
 * @param event       the event
 * @param nat         the router's NAT behaviour
 * @param unsolicited the router's unsolicited-SYN policy
 * @param heartbeat   the scenario's heartbeat interval
 * @param idleTimeout the scenario's dead-stream timeout
 */
public record StreamCase(RouterEvent event, NatBehaviour nat, UnsolicitedPolicy unsolicited, Duration heartbeat,
                         Duration idleTimeout) {
    public EventAction action() { return event.action(); }

    /** The router forgets the stream's entry (flush, reboot, or an idle entry expiring). */
    public boolean forgets() {
        return action() == EventAction.FLUSH_CONNTRACK || action() == EventAction.REBOOT || action() == EventAction.IDLE_EXPIRY;
    }

    /** Endpoint-independent mapping that keeps the inside port: a re-created mapping is the old one. */
    public boolean keepsPort() { return nat.endpointIndependentMapping(); }
}
