package io.natlab.lab;

import io.natlab.topology.Site;
import io.natlab.hostnet.ReservedRange;
import io.natlab.topology.Subnet;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the subnets of one lab (pure: the taken ranges are given). Default networks are free /24s from a
 * {@link SubnetPool}, starting at a random offset so labs started in parallel rarely race for the same one.
 * User-chosen subnets that overlap a taken range are refused with an error naming both.
 */
public final class SubnetAllocator {
    public static final String INTERNET = "internet";

    /** Ranges no lab may use on any host: the documentation nets, often used by hosts and tests. */
    public static final List<ReservedRange> ALWAYS_RESERVED = List.of(
        new ReservedRange(Subnet.parse("192.0.2.0/24"), "reserved TEST-NET-1"),
        new ReservedRange(Subnet.parse("198.51.100.0/24"), "reserved TEST-NET-2"),
        new ReservedRange(Subnet.parse("203.0.113.0/24"), "reserved TEST-NET-3"),
        new ReservedRange(Subnet.parse("127.0.0.0/8"), "loopback"),
        new ReservedRange(Subnet.parse("169.254.0.0/16"), "link-local"),
        new ReservedRange(Subnet.parse("224.0.0.0/3"), "multicast/reserved"));

    private final List<ReservedRange> taken;
    private final Random random;

    public SubnetAllocator(List<ReservedRange> taken, Random random) {
        this.taken = new ArrayList<>(ALWAYS_RESERVED);
        this.taken.addAll(taken);
        this.random = random;
    }

    /** Network name ({@value #INTERNET} or a site name) to subnet, for every network of the topology. */
    public Map<String, Subnet> allocate(Topology topology) {
        Map<String, Subnet> out = new LinkedHashMap<>();
        // User-chosen subnets first, so defaults avoid them.
        String file = topology.source() == null ? "" : topology.source() + ": ";
        if (topology.internet() != null) out.put(INTERNET, claim(topology.internet(), file + "topology.internet.subnet"));
        for (int i = 0; i < topology.sites().size(); i++) {
            Site s = topology.sites().get(i);
            String at = s.where() != null && s.where().line() > 0 ? s.where() + ": " : file;
            if (s.lan() != null) out.put(s.name(), claim(s.lan(), at + "topology.sites[" + i + "].lan"));
        }
        if (!out.containsKey(INTERNET)) out.put(INTERNET, pick(SubnetPool.INTERNET, "internet"));
        Map<String, Subnet> ordered = new LinkedHashMap<>();
        ordered.put(INTERNET, out.get(INTERNET));
        for (Site s : topology.sites()) {
            Subnet lan = out.get(s.name());
            if (lan == null) lan = pick(poolFor(topology, s), "site " + s.name());
            ordered.put(s.name(), lan);
        }
        return ordered;
    }

    /** Carrier sites (others sit behind them) get RFC 6598 space, like real CGNs. */
    public static SubnetPool poolFor(Topology topology, Site site) {
        boolean parent = topology.sites().stream().anyMatch(o -> site.name().equals(o.behind()));
        return parent ? SubnetPool.CARRIER_LAN : SubnetPool.LAN;
    }

    /** Records a range as taken (e.g. Docker refused a subnet another lab took in the meantime). */
    public void markTaken(Subnet subnet, String what) { taken.add(new ReservedRange(subnet, what)); }

    /** A free /24 from the pool, marked taken for this lab. */
    public Subnet pick(SubnetPool pool, String forWhat) {
        Subnet range = pool.range();
        int blocks = (int) (range.size() / 256);
        int start = random.nextInt(blocks);
        for (int i = 0; i < blocks; i++) {
            Subnet candidate = new Subnet(range.network() + ((start + i) % blocks) * 256, 24);
            if (clash(candidate) == null) {
                taken.add(new ReservedRange(candidate, "lab network for " + forWhat));
                return candidate;
            }
        }
        throw new LabStartException("no free /24 left in " + range + " for " + forWhat + "; remove unused Docker networks");
    }

    /** A user-chosen subnet: refused when it overlaps anything taken. {@code field} is "[FILE:LINE:COL: ]field.path". */
    public Subnet claim(Subnet subnet, String field) {
        if (subnet.prefix() > 29)
            throw new LabStartException(field + ": " + subnet + " is too small for a lab network (use /29 or larger)");
        ReservedRange c = clash(subnet);
        if (c != null)
            throw new LabStartException(field + ": " + subnet + " overlaps " + c.reason() + " (" + c.subnet() + "); choose another subnet or omit it to let the lab pick a free one");
        taken.add(new ReservedRange(subnet, field));
        return subnet;
    }

    private ReservedRange clash(Subnet candidate) {
        for (ReservedRange t : taken) if (t.subnet().overlaps(candidate)) return t;
        return null;
    }
}
