package io.natlab.scenario.stream;

import io.natlab.nat.DelayBackend;
import io.natlab.nat.RouterContext;
import io.natlab.nat.RouterEventScripts;
import io.natlab.nat.RouterRules;

/**
 * What running one event on one router means: the script now, the router's WAN address afterwards (change-public-ip),
 * and a script for when the event's {@code for} ends (link-down: the link returns). Pure.
 *
 * @param script   run at the event's time
 * @param newWanIp the router's WAN address after it, null when unchanged
 * @param endScript run {@code for} after it, null when the event has no end
 */
public record EventStep(String script, String newWanIp, String endScript) {

    /**
     * @param backend  the router's delay backend (null: it adds no latency)
     * @param netem    whether the router's kernel has netem (for a latency set on a router without delay)
     * @param spareIp  a free WAN-segment address for change-public-ip
     */
    public static EventStep of(RouterEvent e, RouterContext ctx, RouterRules rules, DelayBackend backend, boolean netem,
                               String spareIp) {
        return switch (e.action()) {
            case FLUSH_CONNTRACK -> new EventStep(RouterEventScripts.flushConntrack(ctx), null, null);
            case REBOOT -> new EventStep(RouterEventScripts.reboot(ctx, rules), null, null);
            case CHANGE_PUBLIC_IP -> new EventStep(RouterEventScripts.changePublicIp(ctx, spareIp), spareIp, null);
            case LINK_DOWN -> new EventStep(RouterEventScripts.linkDown(ctx), null, RouterEventScripts.linkUp(ctx));
            case IDLE_EXPIRY -> new EventStep(RouterEventScripts.idleExpiry(ctx, e.idleTimeout()), null, null);
            case SET -> new EventStep(RouterEventScripts.set(ctx, backend, netem, e.lossPercent(), e.latency()), null, null);
        };
    }
}
