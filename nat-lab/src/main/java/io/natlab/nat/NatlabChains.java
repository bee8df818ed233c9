package io.natlab.nat;

import java.util.List;

/**
 * Names of everything the rule compiler owns inside a router. All lab rules live in these chains and in the nft
 * table {@link #NFT_TABLE}, so a reset or an inspection touches exactly the lab's state and never Docker's own
 * rules (its embedded DNS rules live in the built-in nat chains).
 */
public final class NatlabChains {
    private NatlabChains() {}

    /** iptables filter chain jumped to first from FORWARD: containment, loss, inbound filtering. */
    public static final String FORWARD = "NATLAB-FORWARD";
    /** iptables filter chain jumped to first from INPUT: the unsolicited-SYN policy. */
    public static final String INPUT = "NATLAB-INPUT";
    /** Forwarded packets whose source is outside the lab are dropped (and counted) here. */
    public static final String CONTAIN_SRC = "NATLAB-CONTAIN-SRC";
    /** Forwarded packets whose destination is outside the lab are dropped (and counted) here. */
    public static final String CONTAIN_DST = "NATLAB-CONTAIN-DST";
    /** iptables nat chain jumped to first from POSTROUTING: MASQUERADE and hairpin SNAT. */
    public static final String POSTROUTING = "NATLAB-POSTROUTING";

    /** iptables nat chain jumped to first from PREROUTING: port forwards (the rendezvous server on a LAN). */
    public static final String PREROUTING = "NATLAB-PREROUTING";

    public static final List<String> FILTER_CHAINS = List.of(CONTAIN_SRC, CONTAIN_DST, FORWARD, INPUT);
    public static final List<String> NAT_CHAINS = List.of(PREROUTING, POSTROUTING);

    /** nft table for what iptables cannot express: dynamic mapping sets and sequential port assignment. */
    public static final String NFT_TABLE = "natlab";
    /** nft map public port -> inside ip . inside port, learned from outbound packets (EIF, ADF, hairpin). */
    public static final String NFT_OWNER_MAP = "owner";
    /** nft set remote address . public port contacted from inside (ADF). */
    public static final String NFT_CONTACTED_SET = "contacted";
    /** nft map numgen slot -> public port (sequential port assignment). */
    public static final String NFT_SEQ_PORTS_MAP = "seqports";
    public static final String NFT_LEARN_CHAIN = "learn";
    public static final String NFT_INBOUND_CHAIN = "inbound";
    public static final String NFT_SEQ_SNAT_CHAIN = "seq_snat";
}
