package io.natlab.result;

/**
 * The negative control of a pair (docs/results-json.md, "Negative control"): before its trials, each peer dialled
 * the other's public endpoint once, plainly, with no rendezvous and no coordination.
 *
 * @param firstToSecond {@code connected} (the first peer's SYN reached a listener on the second peer: the second is
 *                      reachable without a punch), {@code blocked} (refused or timed out on the way), or
 *                      {@code error} (the control could not run, e.g. the listener did not start)
 * @param secondToFirst the same, the other way
 * @param detail        what each direction dialled and what it saw, for people
 */
public record NegativeControl(String firstToSecond, String secondToFirst, String detail) {
    public static final String CONNECTED = "connected", BLOCKED = "blocked", ERROR = "error";

    /** Either peer could reach the other without a punch: a direct outcome here proves nothing about punching. */
    public boolean open() { return CONNECTED.equals(firstToSecond) || CONNECTED.equals(secondToFirst); }

    /** The same control seen from the pair in the other role order. */
    public NegativeControl reversed() { return new NegativeControl(secondToFirst, firstToSecond, detail); }
}
