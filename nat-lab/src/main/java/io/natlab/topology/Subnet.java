package io.natlab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 CIDR block, normalised (host bits must be zero). Pure value type. */
public record Subnet(int network, int prefix) {

    public Subnet {
        if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("prefix must be 0..32, got " + prefix);
        if ((network & mask(prefix)) != network) throw new IllegalArgumentException("host bits set in " + render(network) + "/" + prefix);
    }

    /** Parses "a.b.c.d/n"; throws IllegalArgumentException with a readable reason. */
    public static Subnet parse(String cidr) {
        if (cidr == null) throw new IllegalArgumentException("subnet is missing");
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + cidr + "' is not CIDR (expected a.b.c.d/n)");
        int addr = parseAddress(cidr.substring(0, slash));
        int prefix;
        try { prefix = Integer.parseInt(cidr.substring(slash + 1)); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("'" + cidr + "' has a bad prefix length"); }
        if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0..32");
        if ((addr & mask(prefix)) != addr)
            throw new IllegalArgumentException("'" + cidr + "' has host bits set (did you mean " + render(addr & mask(prefix)) + "/" + prefix + "?)");
        return new Subnet(addr, prefix);
    }

    public static int parseAddress(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address");
        int v = 0;
        for (String p : parts) {
            int o;
            try { o = Integer.parseInt(p); } catch (NumberFormatException e) { throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address"); }
            if (o < 0 || o > 255 || p.isEmpty()) throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address");
            v = (v << 8) | o;
        }
        return v;
    }

    public static String render(int addr) {
        return ((addr >>> 24) & 255) + "." + ((addr >>> 16) & 255) + "." + ((addr >>> 8) & 255) + "." + (addr & 255);
    }

    static int mask(int prefix) { return prefix == 0 ? 0 : -1 << (32 - prefix); }

    public int mask() { return mask(prefix); }
    public long size() { return 1L << (32 - prefix); }
    public boolean contains(int addr) { return (addr & mask()) == network; }
    public boolean contains(String dotted) { return contains(parseAddress(dotted)); }
    public boolean overlaps(Subnet o) { int m = mask(Math.min(prefix, o.prefix)); return (network & m) == (o.network & m); }

    /** The n-th address in the block (1 = first host). */
    public String host(int n) {
        if (n < 0 || n >= size()) throw new IllegalArgumentException("host " + n + " outside " + this);
        return render(network + n);
    }

    public InetAddress hostAddress(int n) {
        try { return Inet4Address.getByName(host(n)); } catch (UnknownHostException e) { throw new IllegalStateException(e); }
    }

    @Override public String toString() { return render(network) + "/" + prefix; }
}
