package io.natlab.nat;

/**
 * A router's configuration as shell scripts (run with {@code sh -eu}).
 *
 * @param applyScript configures routes, NAT, filtering, unsolicited-SYN policy, loss/latency, containment drops
 * @param resetScript between trials: forgets all dynamic state (conntrack entries, dynamic nft sets) so the next
 *                    trial starts like the first; rules themselves stay
 */
public record RouterRules(String applyScript, String resetScript) {}
