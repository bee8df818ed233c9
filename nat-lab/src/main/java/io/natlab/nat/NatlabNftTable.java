package io.natlab.nat;

import io.natlab.topology.Filtering;
import io.natlab.topology.PortAssignment;

import static io.natlab.nat.NatlabChains.*;

/**
 * The router's nft table {@code ip natlab}: the parts iptables cannot express.
 * <ul>
 *   <li>{@code owner}: public port -> inside ip . inside port, learned from outbound packets after SNAT (so it holds
 *       the real public port even when the port was not preserved). Full cone and restricted cone DNAT inbound
 *       flows through it; hairpinning DNATs LAN packets to the WAN address through it. An unknown port finds no
 *       entry, so the packet falls through to the unsolicited-SYN policy.</li>
 *   <li>{@code contacted}: remote address . public port, learned from outbound packets (restricted cone: only
 *       addresses the inside endpoint has sent to may open new flows to its public port).</li>
 *   <li>{@code seq_snat}: sequential port assignment ({@link SequentialPortPool}).</li>
 * </ul>
 * Learning runs in a filter chain at postrouting priority srcnat+10, i.e. after the source NAT has rewritten the
 * packet; entries are refreshed by every outbound packet and expire after {@link #learnedTimeoutSeconds}.
 */
final class NatlabNftTable {
    private NatlabNftTable() {}

    /** RFC 5382 REQ-5 minimum for an established mapping (2 h 4 min), unless the router's conntrack says less. */
    static final int DEFAULT_LEARNED_TIMEOUT_SECONDS = 7440;

    static boolean learnsOwners(RouterContext ctx) {
        return ctx.nat().filtering() != Filtering.ADDRESS_AND_PORT_DEPENDENT || ctx.options().hairpin();
    }

    static boolean learnsContacts(RouterContext ctx) { return ctx.nat().filtering() == Filtering.ADDRESS_DEPENDENT; }

    static boolean sequential(RouterContext ctx) { return ctx.nat().portAssignment() == PortAssignment.SEQUENTIAL; }

    static int learnedTimeoutSeconds(RouterContext ctx) {
        Integer established = ctx.options().conntrackTimeouts().get("established");
        return established != null && established > 0 ? Math.min(established, DEFAULT_LEARNED_TIMEOUT_SECONDS)
            : DEFAULT_LEARNED_TIMEOUT_SECONDS;
    }

    /** An nft file that atomically replaces the table (create-if-missing, delete, define). */
    static String render(RouterContext ctx) {
        String wan = '"' + ctx.wanIf() + '"';
        String lan = '"' + ctx.lanIf() + '"';
        String wanIp = ctx.wanIp();
        int timeout = learnedTimeoutSeconds(ctx);
        StringBuilder t = new StringBuilder();
        t.append("table ip ").append(NFT_TABLE).append('\n');
        t.append("delete table ip ").append(NFT_TABLE).append('\n');
        t.append("table ip ").append(NFT_TABLE).append(" {\n");
        if (learnsOwners(ctx)) {
            t.append("  map ").append(NFT_OWNER_MAP).append(" {\n")
             .append("    type inet_service : ipv4_addr . inet_service; flags dynamic,timeout; timeout ").append(timeout).append("s;\n")
             .append("  }\n");
        }
        if (learnsContacts(ctx)) {
            t.append("  set ").append(NFT_CONTACTED_SET).append(" {\n")
             .append("    type ipv4_addr . inet_service; flags dynamic,timeout; timeout ").append(timeout).append("s;\n")
             .append("  }\n");
        }
        if (sequential(ctx)) {
            SequentialPortPool pool = SequentialPortPool.forDelta(ctx.nat().portDelta());
            t.append("  map ").append(NFT_SEQ_PORTS_MAP).append(" {\n")
             .append("    typeof numgen inc mod ").append(pool.size()).append(" : tcp sport;\n")
             .append("    elements = { ").append(pool.nftElements()).append(" }\n")
             .append("  }\n");
        }
        if (learnsOwners(ctx) || learnsContacts(ctx)) {
            String outbound = "oifname " + wan + " ip saddr " + wanIp + " ct direction original meta l4proto tcp";
            t.append("  chain ").append(NFT_LEARN_CHAIN).append(" {\n")
             .append("    type filter hook postrouting priority srcnat + 10; policy accept;\n");
            if (learnsOwners(ctx))
                t.append("    ").append(outbound).append(" update @").append(NFT_OWNER_MAP)
                 .append(" { tcp sport : ct original ip saddr . ct original proto-src }\n");
            if (learnsContacts(ctx))
                t.append("    ").append(outbound).append(" update @").append(NFT_CONTACTED_SET)
                 .append(" { ip daddr . tcp sport }\n");
            t.append("  }\n");
        }
        String inbound = inboundRules(ctx, wan, lan, wanIp);
        if (!inbound.isEmpty()) {
            t.append("  chain ").append(NFT_INBOUND_CHAIN).append(" {\n")
             .append("    type nat hook prerouting priority dstnat; policy accept;\n")
             .append(inbound)
             .append("  }\n");
        }
        if (sequential(ctx)) {
            t.append("  chain ").append(NFT_SEQ_SNAT_CHAIN).append(" {\n")
             .append("    type nat hook postrouting priority srcnat; policy accept;\n")
             .append("    ").append(sequentialSnatRule(ctx)).append('\n')
             .append("    oifname ").append(wan).append(" masquerade\n")
             .append("  }\n");
        }
        t.append("}\n");
        return t.toString();
    }

    private static String inboundRules(RouterContext ctx, String wan, String lan, String wanIp) {
        StringBuilder r = new StringBuilder();
        String toOwner = " dnat ip to tcp dport map @" + NFT_OWNER_MAP + "\n";
        String fromWan = "    iifname " + wan + " ip daddr " + wanIp + " meta l4proto tcp";
        switch (ctx.nat().filtering()) {
            case ENDPOINT_INDEPENDENT -> r.append(fromWan).append(toOwner);
            case ADDRESS_DEPENDENT -> r.append(fromWan).append(" ip saddr . tcp dport @").append(NFT_CONTACTED_SET).append(toOwner);
            case ADDRESS_AND_PORT_DEPENDENT -> { /* plain conntrack: only replies get in */ }
        }
        if (ctx.options().hairpin())
            r.append("    iifname ").append(lan).append(" ip daddr ").append(wanIp).append(" meta l4proto tcp").append(toOwner);
        return r.toString();
    }

    /** The rule body of {@code seq_snat}; re-adding it restarts the numgen counter at slot 0. */
    static String sequentialSnatRule(RouterContext ctx) {
        SequentialPortPool pool = SequentialPortPool.forDelta(ctx.nat().portDelta());
        return "oifname \"" + ctx.wanIf() + "\" meta l4proto tcp snat ip to " + ctx.wanIp()
            + " : numgen inc mod " + pool.size() + " map @" + NFT_SEQ_PORTS_MAP;
    }
}
