package io.natlab.nat;

import io.natlab.topology.RouterOptions;

import java.time.Duration;

/**
 * Renders a router's latency/jitter for one {@link DelayBackend}: the apply section and the reset-time check.
 *
 * <p>Semantics, identical for both backends: every packet crossing the router gets the configured one-way delay in
 * each direction (LAN to WAN: {@code latencyUp}, WAN to LAN: {@code latencyDown}; both {@code latency} unless set), with a per-packet uniform jitter in [latency - jitter, latency +
 * jitter]. Packets the router itself sends (a RST or ICMP for an unsolicited SYN) answer a packet that was delayed,
 * so a probe sees one delay for them, as with netem.
 *
 * <p>netem delays on the egress of both interfaces. The userspace delayer holds packets as they <em>arrive</em> on
 * an interface (raw PREROUTING, before conntrack and NAT), so every NAT decision happens when the packet leaves the
 * "wire", and no unconfirmed conntrack entry is ever held in a queue. Queues are NOT bypassed when the delayer is
 * down ({@code --queue-bypass} would silently remove the delay): packets are dropped instead, and the lab's reset
 * fails naming the dead delayer.
 */
public final class LinkDelay {
    private LinkDelay() {}

    /** iptables raw chain jumped to first from PREROUTING: sends arriving packets to the delayer's queues. */
    public static final String RAW_CHAIN = "NATLAB-DELAY";
    /** NFQUEUE numbers (per router network namespace): packets arriving from the WAN / from the LAN. */
    public static final int QUEUE_INBOUND = 1, QUEUE_OUTBOUND = 2;
    static final String RUN_DIR = "/run/natlab-delay";

    static void apply(ShellScript s, RouterContext ctx, DelayBackend backend) {
        RouterOptions o = ctx.options();
        switch (backend) {
            case NETEM -> {
                s.section("latency/jitter: netem on both interfaces' egress (the lab checked the kernel has it)");
                String jitter = o.jitter().isZero() ? "" : " " + o.jitter().toMillis() + "ms";
                s.comment("WAN egress carries the upstream direction, LAN egress the downstream one");
                s.cmd("tc qdisc replace dev " + ctx.wanIf() + " root netem delay " + o.latencyUp().toMillis() + "ms" + jitter);
                s.cmd("tc qdisc replace dev " + ctx.lanIf() + " root netem delay " + o.latencyDown().toMillis() + "ms" + jitter);
            }
            case NFQUEUE -> {
                s.section("latency/jitter: userspace delayer natlab-delay on NFQUEUE (no netem needed)");
                s.comment("packets arriving on either interface wait in a queue for latency +- jitter (uniform), then go on");
                s.cmd("iptables -t raw -N " + RAW_CHAIN + " 2>/dev/null || iptables -t raw -F " + RAW_CHAIN);
                s.cmd("iptables -t raw -C PREROUTING -j " + RAW_CHAIN + " 2>/dev/null || iptables -t raw -I PREROUTING 1 -j " + RAW_CHAIN);
                s.cmd("mkdir -p " + RUN_DIR);
                startDelayer(s, ctx, "inbound", QUEUE_INBOUND, o.latencyDown(), o.jitter());   // arrives on the WAN: downstream
                startDelayer(s, ctx, "outbound", QUEUE_OUTBOUND, o.latencyUp(), o.jitter());   // arrives on the LAN: upstream
                s.comment("no queue bypass: with the delayer gone packets are dropped (and the reset says so), never sent undelayed");
                s.cmd("iptables -t raw -A " + RAW_CHAIN + " -i " + ctx.wanIf() + " -j NFQUEUE --queue-num " + QUEUE_INBOUND);
                s.cmd("iptables -t raw -A " + RAW_CHAIN + " -i " + ctx.lanIf() + " -j NFQUEUE --queue-num " + QUEUE_OUTBOUND);
            }
        }
    }

    private static void startDelayer(ShellScript s, RouterContext ctx, String direction, int queue, Duration latency, Duration jitter) {
        String base = RUN_DIR + "/" + direction;
        s.comment(direction + ": queue " + queue + ", " + latency.toMillis() + " ms +- " + jitter.toMillis() + " ms");
        s.cmd("if [ -f " + base + ".pid ]; then kill \"$(cat " + base + ".pid)\" 2>/dev/null || true; "
            + "i=0; while kill -0 \"$(cat " + base + ".pid)\" 2>/dev/null && [ $i -lt 50 ]; do i=$((i+1)); sleep 0.02; done; fi");
        s.cmd("setsid natlab-delay --queue " + queue + " --delay-us " + micros(latency) + " --jitter-us " + micros(jitter)
            + " --stats-file " + base + ".stats >" + base + ".log 2>&1 </dev/null & echo $! >" + base + ".pid");
        fail(s, "( i=0; until grep -q '^ready' " + base + ".log; do i=$((i+1)); [ $i -gt 250 ] && exit 1; "
                + "kill -0 \"$(cat " + base + ".pid)\" 2>/dev/null || exit 1; sleep 0.02; done )",
            "natlab-delay (" + direction + ") did not start on router " + ctx.siteName(), base + ".log");
    }

    /** Reset-time check: a lab whose delayer died must fail loudly instead of dropping every packet. */
    static void checkAlive(ShellScript s, RouterContext ctx, DelayBackend backend) {
        if (backend != DelayBackend.NFQUEUE) return;
        for (String direction : new String[]{"inbound", "outbound"}) {
            String base = RUN_DIR + "/" + direction;
            fail(s, "kill -0 \"$(cat " + base + ".pid 2>/dev/null)\" 2>/dev/null",
                "natlab-delay (" + direction + ") is no longer running on router " + ctx.siteName(), base + ".log");
        }
    }

    /** Like {@link ShellScript#require}, with the delayer's own log appended to the message. */
    private static void fail(ShellScript s, String condition, String message, String logFile) {
        s.cmd(condition + " || { echo " + ShellScript.quote("natlab: " + message + ": ") + "\"$(cat " + logFile
            + " 2>/dev/null)\" >&2; exit 1; }");
    }

    static long micros(Duration d) { return d.toNanos() / 1000; }
}
