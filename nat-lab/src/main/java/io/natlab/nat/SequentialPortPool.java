package io.natlab.nat;

/**
 * The public ports a sequential NAT hands out: {@code first, first+delta, first+2*delta, ...}, at most
 * {@link #MAX_SLOTS} of them, then it wraps. The nft rule picks slot {@code numgen inc mod size}.
 *
 * <p>Why a map and not {@code numgen inc mod N offset FIRST}: nft 1.0.6 on bookworm feeds numgen's host-order
 * counter straight into the port field, so the offset form yields byte-swapped ports (verified: 10000, 10001, ...
 * came out as 5415, 5671, ...). A {@code typeof numgen ... : tcp sport} map converts the byte order correctly.
 * The cap keeps the map small (4096 elements load in about 30 ms) while leaving far more slots than one trial uses.
 *
 * @param first first public port handed out
 * @param delta distance between consecutive ports (at least 1)
 * @param size  number of slots before the counter wraps
 */
public record SequentialPortPool(int first, int delta, int size) {
    public static final int FIRST_PORT = 10000;
    public static final int LAST_PORT = 65535;
    public static final int MAX_SLOTS = 4096;

    public SequentialPortPool {
        if (delta < 1) throw new IllegalArgumentException("port delta must be at least 1, got " + delta);
        if (size < 1) throw new IllegalArgumentException("pool size must be at least 1");
        if (first + (long) (size - 1) * delta > LAST_PORT) throw new IllegalArgumentException("pool exceeds port " + LAST_PORT);
    }

    public static SequentialPortPool forDelta(int delta) {
        if (delta < 1) throw new IllegalArgumentException("port delta must be at least 1, got " + delta);
        int fit = (LAST_PORT - FIRST_PORT) / delta + 1;
        return new SequentialPortPool(FIRST_PORT, delta, Math.min(MAX_SLOTS, fit));
    }

    public int port(int slot) {
        if (slot < 0 || slot >= size) throw new IllegalArgumentException("slot " + slot + " outside 0.." + (size - 1));
        return first + slot * delta;
    }

    /** The nft map elements {@code 0 : first, 1 : first+delta, ...}. */
    public String nftElements() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(i % 8 == 0 ? ",\n      " : ", ");
            sb.append(i).append(" : ").append(port(i));
        }
        return sb.toString();
    }
}
