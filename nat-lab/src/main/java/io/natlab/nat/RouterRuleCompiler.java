package io.natlab.nat;

import io.natlab.topology.Mapping;
import io.natlab.topology.NatBehaviour;
import io.natlab.topology.PortAssignment;
import io.natlab.topology.RouterOptions;
import io.natlab.topology.Subnet;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.natlab.nat.NatlabChains.*;

/**
 * Compiles a router's NAT behaviour and options into shell scripts (pure function, no Docker).
 *
 * <p>Everything lives in the lab's own chains ({@link NatlabChains}) jumped to first from the built-in chains, and
 * in the nft table {@code ip natlab}; built-in tables are never flushed. The apply script is idempotent: running it
 * again replaces the lab's rules.
 *
 * <p>Recipes (each verified in a bookworm container on kernel 6.18, see the fidelity tests):
 * <ul>
 *   <li>mapping + port assignment: EIM+preserving = {@code MASQUERADE}; APDM+random = {@code MASQUERADE
 *       --random-fully}; APDM+sequential = nft {@code snat to WAN : numgen inc mod N map @seqports}.</li>
 *   <li>filtering: APDF = plain conntrack; EIF = DNAT of inbound flows to the owner of the mapped public port;
 *       ADF = the same DNAT, only from addresses the owner has contacted ({@link NatlabNftTable}).</li>
 *   <li>unsolicited inbound SYN (matching no mapping): drop, {@code REJECT --reject-with tcp-reset}, or
 *       {@code REJECT --reject-with icmp-port-unreachable}, in INPUT and in FORWARD; flows admitted by the
 *       EIF/ADF DNAT ({@code ctstate DNAT}) return before the policy.</li>
 *   <li>hairpinning on: LAN packets to the WAN address are DNAT'd to the owner of the mapped port and SNAT'd to the
 *       WAN address (so the target sees the sender's public address, as on a real hairpinning NAT). Hairpinning off,
 *       and unmapped ports: new LAN->WAN-address TCP flows are dropped silently (a NAT without hairpinning gives no
 *       answer on its public address from inside, so a peer's attempt times out instead of being refused by the
 *       router's own stack).</li>
 *   <li>loss: {@code statistic --mode random} DROP on forwarded packets, both directions; latency/jitter: netem or
 *       the userspace delayer, see {@link LinkDelay} (each direction gets the configured one-way delay).</li>
 *   <li>containment: forwarded packets from or to addresses outside the lab's subnets are dropped (counted per
 *       rule); the default route is removed (top-level routers: the internet is one flat segment) or pointed at the
 *       parent router (nested).</li>
 *   <li>port forwards ({@link PortForward}): DNAT in the lab's own PREROUTING chain, accepted first in its
 *       FORWARD chain.</li>
 * </ul>
 * Sysctls ({@link #sysctls}: {@code ip_forward}, conntrack timeouts) are read-only inside containers: the lab sets
 * them when it creates the container, and the apply script only checks them. The containment guard every
 * container gets (routers and peers alike) is {@link LabGuard}.
 */
public final class RouterRuleCompiler {
    private RouterRuleCompiler() {}

    /** The one entry point: a router's configuration as its apply and reset scripts (latency, if any, via netem). */
    public static RouterRules compile(RouterContext ctx) { return compile(ctx, DelayBackend.NETEM); }

    /** As {@link #compile(RouterContext)}, adding latency/jitter (if any) with the given backend ({@link LinkDelay}). */
    public static RouterRules compile(RouterContext ctx, DelayBackend delay) {
        requireSupported(ctx.nat());
        return new RouterRules(applyScript(ctx, delay), resetScript(ctx, delay));
    }

    /**
     * The sysctls a router container needs (forwarding, conntrack timeouts). /proc/sys is read-only inside the
     * container, so the lab sets these when it creates it; the apply script checks each one.
     */
    public static Map<String, String> sysctls(RouterOptions options) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("net.ipv4.ip_forward", "1");
        new TreeMap<>(options.conntrackTimeouts()).forEach((k, v) ->
            sysctls.put("net.netfilter.nf_conntrack_tcp_timeout_" + k, Integer.toString(v)));
        return sysctls;
    }

    static void requireSupported(NatBehaviour nat) {
        if (nat == null) throw new IllegalArgumentException("a router needs a NAT behaviour (preset 'none' has no router)");
        boolean eim = nat.mapping() == Mapping.ENDPOINT_INDEPENDENT;
        boolean preserving = nat.portAssignment() == PortAssignment.PRESERVING;
        if (eim != preserving)
            throw new IllegalArgumentException("unsupported combination mapping=" + nat.mapping().yamlName()
                + " with port-assignment=" + nat.portAssignment().yamlName()
                + ": endpoint-independent mapping needs preserving ports, address-and-port-dependent mapping needs sequential or random ports");
        if (nat.portAssignment() == PortAssignment.SEQUENTIAL && nat.portDelta() < 1)
            throw new IllegalArgumentException("port-delta must be at least 1, got " + nat.portDelta());
    }

    static String applyScript(RouterContext ctx) { return applyScript(ctx, DelayBackend.NETEM); }

    static String applyScript(RouterContext ctx, DelayBackend delay) {
        RouterOptions o = ctx.options();
        NatBehaviour nat = ctx.nat();
        String wan = ctx.wanIf(), lan = ctx.lanIf();
        ShellScript s = new ShellScript();
        s.comment("natlab router " + ctx.siteName() + ": mapping=" + nat.mapping().yamlName()
            + " port-assignment=" + nat.portAssignment().yamlName()
            + (nat.portAssignment() == PortAssignment.SEQUENTIAL ? " port-delta=" + nat.portDelta() : "")
            + " filtering=" + nat.filtering().yamlName() + " unsolicited=" + o.unsolicited().yamlName()
            + " hairpin=" + o.hairpin());

        s.section("sysctls (set by the lab at container creation from sysctls(); read-only in here)");
        for (Map.Entry<String, String> k : sysctls(o).entrySet()) {
            s.require("test \"$(cat /proc/sys/" + k.getKey().replace('.', '/') + ")\" = " + k.getValue(),
                k.getKey() + " is not " + k.getValue() + " on router " + ctx.siteName());
        }

        s.section("routes");
        if (ctx.wanGateway() == null) {
            s.comment("top-level router: the internet is one flat segment, nothing is routed beyond it");
            s.cmd("if ip route show default | grep -q .; then ip route del default; fi");
        } else {
            s.cmd("ip route replace default via " + ctx.wanGateway() + " dev " + wan);
        }

        s.section("own chains, jumped to first from the built-in chains");
        for (String c : FILTER_CHAINS) s.cmd("iptables -N " + c + " 2>/dev/null || iptables -F " + c);
        for (String c : NAT_CHAINS) s.cmd("iptables -t nat -N " + c + " 2>/dev/null || iptables -t nat -F " + c);
        s.cmd(jumpFirst("", "FORWARD", FORWARD));
        s.cmd(jumpFirst("", "INPUT", INPUT));
        s.cmd(jumpFirst("-t nat ", "POSTROUTING", POSTROUTING));

        if (!ctx.portForwards().isEmpty()) {
            s.section("port forwards to hosts behind this router (first in " + FORWARD + ": no loss, no policy)");
            s.comment("jumped to only where needed: other routers keep no iptables nat hook at prerouting");
            s.cmd(jumpFirst("-t nat ", "PREROUTING", PREROUTING));
            for (PortForward f : ctx.portForwards()) {
                s.cmd("iptables -t nat -A " + PREROUTING + " -d " + ctx.wanIp() + " -p tcp --dport " + f.port()
                    + " -j DNAT --to-destination " + f.target() + ":" + f.port());
                s.cmd("iptables -A " + FORWARD + " -d " + f.target() + " -p tcp --dport " + f.port() + " -j ACCEPT");
            }
        }

        s.section("containment: forward nothing from or to outside the lab");
        for (Subnet sub : ctx.labSubnets()) s.cmd("iptables -A " + CONTAIN_SRC + " -s " + sub + " -j RETURN");
        s.cmd("iptables -A " + CONTAIN_SRC + " -j DROP");
        for (Subnet sub : ctx.labSubnets()) s.cmd("iptables -A " + CONTAIN_DST + " -d " + sub + " -j RETURN");
        s.cmd("iptables -A " + CONTAIN_DST + " -j DROP");
        s.cmd("iptables -A " + FORWARD + " -j " + CONTAIN_SRC);
        s.cmd("iptables -A " + FORWARD + " -j " + CONTAIN_DST);

        if (o.lossPercent() > 0) {
            s.section("random loss on forwarded packets, both directions");
            s.cmd("iptables -A " + FORWARD + " -m statistic --mode random --probability " + probability(o.lossPercent()) + " -j DROP");
        }

        s.section("outbound packets conntrack cannot place");
        s.comment("an INVALID packet (e.g. a SYN-ACK outside the tracked window after an aborted simultaneous open)");
        s.comment("is not translated and would leave with its LAN source address; real routers drop it (OpenWrt fw4 too)");
        s.cmd("iptables -A " + FORWARD + " -o " + wan + " -m conntrack --ctstate INVALID -j DROP");

        s.section("inbound filtering and the unsolicited-SYN policy");
        s.comment("flows admitted by the full/restricted-cone DNAT must not meet the policy");
        s.cmd("iptables -A " + FORWARD + " -i " + wan + " -m conntrack --ctstate DNAT -j RETURN");
        s.cmd("iptables -A " + FORWARD + " -i " + wan + " -p tcp --syn -m conntrack --ctstate NEW -j " + policyTarget(ctx));
        s.cmd("iptables -A " + FORWARD + " -i " + wan + " -m conntrack --ctstate NEW,INVALID -j DROP");
        s.comment("a SYN matching no mapping is addressed to the router itself");
        s.cmd("iptables -A " + INPUT + " -i " + wan + " -p tcp --syn -m conntrack --ctstate NEW,INVALID -j " + policyTarget(ctx));
        s.cmd("iptables -A " + INPUT + " -i " + wan + " -m conntrack --ctstate INVALID -j DROP");
        s.comment("a mid-stream packet matching no mapping (after a conntrack flush or expiry) is unsolicited too: the");
        s.comment("policy answers it, not the router's own TCP stack (which would send a RST even on a drop router)");
        s.cmd("iptables -A " + INPUT + " -i " + wan + " -p tcp -m conntrack --ctstate NEW -j " + policyTarget(ctx));
        s.comment("LAN -> WAN address: hairpinned flows are DNAT'd before INPUT; the rest (hairpin off, unmapped) is dropped");
        s.cmd("iptables -A " + INPUT + " -i " + lan + " -d " + ctx.wanIp() + " -p tcp -m conntrack --ctstate NEW,INVALID -j DROP");

        s.section("source NAT: mapping " + nat.mapping().yamlName() + ", ports " + nat.portAssignment().yamlName());
        switch (nat.portAssignment()) {
            case PRESERVING -> s.cmd("iptables -t nat -A " + POSTROUTING + " -o " + wan + " -j MASQUERADE");
            case RANDOM -> s.cmd("iptables -t nat -A " + POSTROUTING + " -o " + wan + " -j MASQUERADE --random-fully");
            case SEQUENTIAL -> s.comment("sequential ports: nft chain " + NFT_TABLE + " " + NFT_SEQ_SNAT_CHAIN + " below");
        }
        if (o.hairpin()) {
            s.comment("hairpin: the target sees the sender's public address");
            s.cmd("iptables -t nat -A " + POSTROUTING + " -o " + lan + " -s " + ctx.lan() + " -d " + ctx.lan()
                + " -m conntrack --ctstate DNAT -j SNAT --to-source " + ctx.wanIp());
        }

        s.section("nft table ip " + NFT_TABLE + " (dynamic mappings, sequential ports), replaced atomically");
        s.heredoc("nft -f -", NatlabNftTable.render(ctx));

        if (o.needsNetem()) LinkDelay.apply(s, ctx, delay);
        return s.render();
    }

    static String resetScript(RouterContext ctx) { return resetScript(ctx, DelayBackend.NETEM); }

    static String resetScript(RouterContext ctx, DelayBackend delay) {
        ShellScript s = new ShellScript();
        s.comment("natlab reset for router " + ctx.siteName() + ": forget dynamic state, keep the rules");
        if (ctx.options().needsNetem()) LinkDelay.checkAlive(s, ctx, delay);
        if (NatlabNftTable.learnsOwners(ctx)) s.cmd("nft flush map ip " + NFT_TABLE + " " + NFT_OWNER_MAP);
        if (NatlabNftTable.learnsContacts(ctx)) s.cmd("nft flush set ip " + NFT_TABLE + " " + NFT_CONTACTED_SET);
        if (NatlabNftTable.sequential(ctx)) {
            s.comment("re-adding the rule restarts the numgen counter at the pool's first port");
            s.cmd("nft flush chain ip " + NFT_TABLE + " " + NFT_SEQ_SNAT_CHAIN);
            s.cmd("nft add rule ip " + NFT_TABLE + " " + NFT_SEQ_SNAT_CHAIN + " " + NatlabNftTable.sequentialSnatRule(ctx));
            s.cmd("nft add rule ip " + NFT_TABLE + " " + NFT_SEQ_SNAT_CHAIN + " oifname \"" + ctx.wanIf() + "\" masquerade");
        }
        s.cmd("conntrack -F >/dev/null 2>&1 || { echo 'natlab: conntrack -F failed on router " + ctx.siteName() + "' >&2; exit 1; }");
        return s.render();
    }

    private static String jumpFirst(String table, String builtin, String chain) {
        return "iptables " + table + "-C " + builtin + " -j " + chain + " 2>/dev/null || iptables " + table + "-I " + builtin + " 1 -j " + chain;
    }

    static String policyTarget(RouterContext ctx) {
        return switch (ctx.options().unsolicited()) {
            case DROP -> "DROP";
            case RST -> "REJECT --reject-with tcp-reset";
            case ICMP -> "REJECT --reject-with icmp-port-unreachable";
        };
    }

    /** Percent to the statistic match's probability, e.g. 10 -> 0.1 (no exponent notation). */
    static String probability(double percent) {
        if (percent <= 0 || percent > 100) throw new IllegalArgumentException("loss must be in (0, 100] percent, got " + percent);
        return new java.math.BigDecimal(Double.toString(percent / 100.0)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
