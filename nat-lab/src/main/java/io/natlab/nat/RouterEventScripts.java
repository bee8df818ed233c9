package io.natlab.nat;

import io.natlab.topology.RouterOptions;

import java.time.Duration;

/**
 * Mid-stream router events as shell scripts (pure, like {@link RouterRuleCompiler}): what a NAT does to a held
 * stream when it forgets, reboots, renumbers, loses its link, expires idle entries or degrades. Everything lives in
 * the lab's own chains ({@link #LINK_CHAIN}, {@link #LOSS_CHAIN}) and nft table ({@link #NFT_TABLE}); {@link
 * #restore} undoes every event and brings the router back to what it was configured with, so the next trial starts
 * clean.
 */
public final class RouterEventScripts {
    private RouterEventScripts() {}

    /** iptables filter chain jumped to first from INPUT, FORWARD and OUTPUT while the WAN link is down. */
    public static final String LINK_CHAIN = "NATLAB-LINKDOWN";
    /** iptables filter chain jumped to first from FORWARD: loss set mid-stream. */
    public static final String LOSS_CHAIN = "NATLAB-SETLOSS";
    /** nft table holding the short established-timeout policy of an idle-expiry event. */
    public static final String NFT_TABLE = "natlab_event";

    /** The router forgets every conntrack entry; its rules stay. */
    public static String flushConntrack(RouterContext ctx) {
        ShellScript s = new ShellScript();
        s.comment("event on " + ctx.siteName() + ": flush-conntrack (this router's network namespace only)");
        s.cmd("conntrack -F >/dev/null 2>&1");
        return s.render();
    }

    /**
     * A reboot: the rules are loaded again (dynamic nft state, the sequential port counter restarting at its
     * pool's first port) and every conntrack entry is gone. A random-port NAT draws a fresh random port for every
     * flow anyway, so whatever re-creates the stream's entry gets a new one.
     */
    public static String reboot(RouterContext ctx, RouterRules rules) {
        return "# event on " + ctx.siteName() + ": reboot = rules reloaded, then all dynamic state forgotten\n"
            + rules.applyScript() + rules.resetScript();
    }

    /**
     * The WAN address changes to {@code newIp} (same segment); the old one is removed first (deleting a primary
     * address would take a secondary with it). Removing it makes MASQUERADE drop the entries it translated to it.
     */
    public static String changePublicIp(RouterContext ctx, String newIp) {
        ShellScript s = new ShellScript();
        String prefix = "/" + ctx.wanSubnet().prefix();
        requireOnSubnet(ctx, newIp);
        s.comment("event on " + ctx.siteName() + ": change-public-ip " + ctx.wanIp() + " -> " + newIp);
        s.cmd("ip addr del " + ctx.wanIp() + prefix + " dev " + ShellScript.quote(ctx.wanIf()));
        s.cmd("ip addr add " + newIp + prefix + " dev " + ShellScript.quote(ctx.wanIf()));
        if (ctx.wanGateway() != null) s.cmd("ip route replace default via " + ctx.wanGateway() + " dev " + ShellScript.quote(ctx.wanIf()));
        return s.render();
    }

    /** Every packet in or out of the WAN interface is dropped (in a lab chain, jumped to first) until {@link #linkUp}. */
    public static String linkDown(RouterContext ctx) {
        ShellScript s = new ShellScript();
        String wan = ShellScript.quote(ctx.wanIf());
        s.comment("event on " + ctx.siteName() + ": link-down (WAN " + ctx.wanIf() + " drops everything)");
        s.cmd("iptables -N " + LINK_CHAIN + " 2>/dev/null || iptables -F " + LINK_CHAIN);
        s.cmd("iptables -A " + LINK_CHAIN + " -i " + wan + " -j DROP");
        s.cmd("iptables -A " + LINK_CHAIN + " -o " + wan + " -j DROP");
        for (String builtin : new String[]{"INPUT", "FORWARD", "OUTPUT"})
            s.cmd("iptables -C " + builtin + " -j " + LINK_CHAIN + " 2>/dev/null || iptables -I " + builtin + " 1 -j " + LINK_CHAIN);
        return s.render();
    }

    /** The link returns: the drop rules go; conntrack entries were kept all along. */
    public static String linkUp(RouterContext ctx) {
        ShellScript s = new ShellScript();
        s.comment("event on " + ctx.siteName() + ": link back up");
        s.cmd("iptables -F " + LINK_CHAIN + " 2>/dev/null || true");
        return s.render();
    }

    /**
     * Established TCP entries live {@code timeout} without traffic from now on: an nft {@code ct timeout} policy is
     * attached to every new entry (/proc/sys is read-only in a container, and a policy can only be attached to an
     * entry as it is created), and the stream's current entries are deleted, as if they had just expired after a
     * quiet period. Whatever re-creates them (Linux picks up mid-stream packets) gets the short timeout.
     */
    public static String idleExpiry(RouterContext ctx, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        ShellScript s = new ShellScript();
        s.comment("event on " + ctx.siteName() + ": idle-expiry, established entries expire after " + seconds + " s idle");
        s.heredoc("nft -f -", String.join("\n",
            "table ip " + NFT_TABLE + " {",
            "  ct timeout idle { protocol tcp; l3proto ip; policy = { established: " + seconds + " }; }",
            "  chain pre { type filter hook prerouting priority -150; policy accept; ct timeout set \"idle\"; }",
            "  chain out { type filter hook output priority -150; policy accept; ct timeout set \"idle\"; }",
            "}", ""));
        s.cmd("conntrack -D -p tcp --state ESTABLISHED >/dev/null 2>&1 || true");
        return s.render();
    }

    /**
     * Loss and/or latency change mid-stream. Loss replaces the configured loss (its rule leaves
     * {@link NatlabChains#FORWARD}); latency replaces the configured latency, keeping its jitter, with the router's
     * delay backend ({@code null}: it had none, netem is used only when {@code netemAvailable}, else the delayer).
     */
    public static String set(RouterContext ctx, DelayBackend backend, boolean netemAvailable, Double lossPercent, Duration latency) {
        ShellScript s = new ShellScript();
        RouterOptions o = ctx.options();
        s.comment("event on " + ctx.siteName() + ": set" + (lossPercent != null ? " loss " + lossPercent + "%" : "")
            + (latency != null ? " latency " + latency.toMillis() + " ms" : ""));
        if (lossPercent != null) {
            if (o.lossPercent() > 0)
                s.cmd("iptables -D " + NatlabChains.FORWARD + " -m statistic --mode random --probability "
                    + RouterRuleCompiler.probability(o.lossPercent()) + " -j DROP 2>/dev/null || true");
            s.cmd("iptables -N " + LOSS_CHAIN + " 2>/dev/null || iptables -F " + LOSS_CHAIN);
            if (lossPercent > 0)
                s.cmd("iptables -A " + LOSS_CHAIN + " -m statistic --mode random --probability "
                    + RouterRuleCompiler.probability(lossPercent) + " -j DROP");
            s.cmd("iptables -C FORWARD -j " + LOSS_CHAIN + " 2>/dev/null || iptables -I FORWARD 1 -j " + LOSS_CHAIN);
        }
        if (latency != null) {
            DelayBackend b = backend != null ? backend : netemAvailable ? DelayBackend.NETEM : DelayBackend.NFQUEUE;
            RouterOptions changed = new RouterOptions(o.unsolicited(), o.hairpin(), o.lossPercent(), latency, o.jitter(),
                o.conntrackTimeouts());
            LinkDelay.apply(s, withOptions(ctx, changed), b);
        }
        return s.render();
    }

    /**
     * Undoes every event: the original WAN address back (when {@code currentWanIp} differs), event chains and
     * table removed, added latency removed, then the router's own apply and reset scripts (rules as configured,
     * dynamic state forgotten).
     */
    public static String restore(RouterContext ctx, RouterRules rules, String currentWanIp) {
        ShellScript s = new ShellScript();
        String wan = ShellScript.quote(ctx.wanIf()), lan = ShellScript.quote(ctx.lanIf());
        s.comment("natlab: undo the events on router " + ctx.siteName());
        if (currentWanIp != null && !currentWanIp.equals(ctx.wanIp())) {
            requireOnSubnet(ctx, currentWanIp);
            String prefix = "/" + ctx.wanSubnet().prefix();
            s.cmd("ip addr del " + currentWanIp + prefix + " dev " + wan + " 2>/dev/null || true");
        }
        s.cmd("ip -4 addr show dev " + wan + " | grep -q " + ShellScript.quote("inet " + ctx.wanIp() + "/")
            + " || ip addr add " + ctx.wanIp() + "/" + ctx.wanSubnet().prefix() + " dev " + wan);
        for (String builtin : new String[]{"INPUT", "FORWARD", "OUTPUT"})
            s.cmd("iptables -D " + builtin + " -j " + LINK_CHAIN + " 2>/dev/null || true");
        s.cmd("iptables -D FORWARD -j " + LOSS_CHAIN + " 2>/dev/null || true");
        for (String chain : new String[]{LINK_CHAIN, LOSS_CHAIN})
            s.cmd("iptables -F " + chain + " 2>/dev/null || true; iptables -X " + chain + " 2>/dev/null || true");
        s.cmd("nft delete table ip " + NFT_TABLE + " 2>/dev/null || true");
        if (!ctx.options().needsNetem()) {
            s.comment("latency added by a set event: gone again (netem qdisc, or the delayer's queues and processes)");
            s.cmd("tc qdisc del dev " + wan + " root 2>/dev/null || true; tc qdisc del dev " + lan + " root 2>/dev/null || true");
            s.cmd("iptables -t raw -D PREROUTING -j " + LinkDelay.RAW_CHAIN + " 2>/dev/null || true");
            s.cmd("iptables -t raw -F " + LinkDelay.RAW_CHAIN + " 2>/dev/null || true");
            s.cmd("for p in " + LinkDelay.RUN_DIR + "/*.pid; do [ -f \"$p\" ] && kill \"$(cat \"$p\")\" 2>/dev/null; rm -f \"$p\"; done; true");
        }
        return s.render() + rules.applyScript() + rules.resetScript();
    }

    private static RouterContext withOptions(RouterContext c, RouterOptions o) {
        return new RouterContext(c.siteName(), c.nat(), o, c.wanIf(), c.wanIp(), c.wanSubnet(), c.wanGateway(), c.lanIf(),
            c.lanIp(), c.lan(), c.insideHosts(), c.labSubnets(), c.portForwards());
    }

    /** The one gate for addresses reaching the shell here: dotted IPv4 on the router's WAN segment. */
    private static void requireOnSubnet(RouterContext ctx, String ip) {
        if (ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") || !ctx.wanSubnet().contains(ip))
            throw new IllegalArgumentException("not an address on " + ctx.siteName() + "'s WAN segment " + ctx.wanSubnet() + ": " + ip);
    }
}
