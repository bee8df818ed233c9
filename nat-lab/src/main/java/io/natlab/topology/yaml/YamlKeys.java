package io.natlab.topology.yaml;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys each topology mapping accepts, in documentation order. The loader rejects every other key, and
 * the JSON Schema test checks the schema lists exactly these.
 */
public final class YamlKeys {

    private YamlKeys() {}

    /** Top level of a topology-only file. */
    public static final Set<String> TOPOLOGY_FILE = ordered("name", "description", "topology");
    /** The {@code topology:} mapping. */
    public static final Set<String> TOPOLOGY = ordered("internet", "rendezvous", "sites");
    public static final Set<String> INTERNET = ordered("subnet", "peers");
    public static final Set<String> RENDEZVOUS = ordered("site", "port", "token");
    public static final Set<String> SITE = ordered("name", "nat", "mapping", "port-assignment", "port-delta",
        "filtering", "unsolicited", "hairpin", "loss", "latency", "latency-up", "latency-down", "jitter", "conntrack-timeouts", "lan", "behind", "peers");
    /** {@code nf_conntrack_tcp_timeout_<key>} sysctls a router may set. */
    public static final Set<String> CONNTRACK_TIMEOUTS = ordered("syn_sent", "syn_recv", "established", "fin_wait",
        "close_wait", "last_ack", "time_wait", "close", "unacknowledged", "max_retrans");

    public static Set<String> ordered(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
    }
}
