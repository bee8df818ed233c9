package io.natlab.scenario.run;

/**
 * Hands out per-trial client ids and local ports. Ids are unique per trial ({@code alice-t7}) so a late message of an
 * earlier trial can never pair with the current one; ports are fresh per trial (no TIME_WAIT clash with the last
 * trial's 4-tuple) and distinct per peer (two peers behind one NAT using the same source port would make the NAT
 * remap one of them, faking endpoint-dependent mapping). Thread-safe.
 */
public final class TrialAllocator {
    public static final int FIRST_PORT = 40000;
    public static final int LAST_PORT = 59999;

    private int trial;

    /** One trial's ids and ports. */
    public record Allocation(int trial, String firstId, String secondId, int firstPort, int secondPort) {}

    public synchronized Allocation next(String firstPeer, String secondPeer) {
        trial++;
        int slots = (LAST_PORT - FIRST_PORT + 1) / 2;
        int base = FIRST_PORT + 2 * ((trial - 1) % slots);
        return new Allocation(trial, firstPeer + "-t" + trial, secondPeer + "-t" + trial, base, base + 1);
    }
}
