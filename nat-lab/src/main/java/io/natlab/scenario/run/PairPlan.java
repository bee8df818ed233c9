package io.natlab.scenario.run;

import io.natlab.impl.Capability;
import io.natlab.impl.Implementation;

import io.natlab.result.PairConditions;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Punch;
import io.natlab.scenario.Scenario;
import io.natlab.punch.Strategy;
import io.natlab.scenario.theory.NatPath;
import io.natlab.scenario.theory.NatLayer;
import io.natlab.scenario.theory.Prediction;
import io.natlab.scenario.theory.TheoryOracle;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One unit a verdict is given on: a pair in one role order with one strategy, its expectation resolved.
 *
 * @param first       peer whose client starts (and registers) first
 * @param second      the other peer
 * @param strategy    punch strategy
 * @param declared    the expectation as written
 * @param expected    direct or failed (the oracle's, for auto)
 * @param firstNat    label of the first peer's NAT path
 * @param secondNat   label of the second peer's NAT path
 * @param unsolicited the NATs' unsolicited-SYN policies, see {@link #unsolicitedLabel}
 * @param conditions  everything else that shapes the outcome, see {@link PairConditionsOf}
 * @param firstImpl   the implementation the first peer runs
 * @param secondImpl  the implementation the second peer runs
 */
public record PairPlan(String first, String second, Strategy strategy, Expectation declared, Prediction expected,
                       String firstNat, String secondNat, String unsolicited, PairConditions conditions,
                       Implementation firstImpl, Implementation secondImpl) {

    /** Every pair x role order x strategy x ordered implementation pair of a scenario, in file order. */
    public static List<PairPlan> expand(Scenario s) {
        List<PairPlan> plans = new ArrayList<>();
        for (Punch p : s.punches()) {
            List<String[]> orders = new ArrayList<>();
            orders.add(new String[] {p.a(), p.b()});
            if (p.bothOrders()) orders.add(new String[] {p.b(), p.a()});
            List<java.time.Duration> skews = p.skews().isEmpty() ? s.skews() : p.skews();
            for (String[] o : orders)
                for (Strategy st : s.strategies())
                    for (Implementation ia : s.implementations())
                        for (Implementation ib : s.implementations())
                            for (java.time.Duration skew : skews)
                                plans.add(of(s.topology(), o[0], o[1], st, p.expect(), ia, ib).withSkew(skew));
        }
        return plans;
    }

    public static PairPlan of(Topology t, String first, String second, Strategy strategy, Expectation declared) {
        return of(t, first, second, strategy, declared, Implementation.PUNCH_CORE, Implementation.PUNCH_CORE);
    }

    public static PairPlan of(Topology t, String first, String second, Strategy strategy, Expectation declared,
                              Implementation firstImpl, Implementation secondImpl) {
        NatPath a = fullPath(t, first), b = fullPath(t, second);
        Set<Capability> both = EnumSet.noneOf(Capability.class);
        both.addAll(firstImpl.capabilities());
        both.retainAll(secondImpl.capabilities());
        return new PairPlan(first, second, strategy, declared, TheoryOracle.resolve(declared, t, first, second, strategy, both),
            a.label(), b.label(), unsolicitedLabel(a, b), PairConditionsOf.of(t, first, second, firstImpl, secondImpl),
            firstImpl, secondImpl);
    }

    /** The same plan with the second peer's START held back by {@code skew} (a condition of its own). */
    public PairPlan withSkew(java.time.Duration skew) {
        return new PairPlan(first, second, strategy, declared, expected, firstNat, secondNat, unsolicited,
            conditions.withSkewMs(skew.toMillis()), firstImpl, secondImpl);
    }

    /** The start skew: how long after the first peer's START the second's is sent. */
    public java.time.Duration skew() { return java.time.Duration.ofMillis(conditions.skewMs()); }

    /** Whether anything but punch-core runs: then names and folders carry the implementations. */
    public boolean interop() {
        return !firstImpl.builtIn() || !secondImpl.builtIn();
    }

    /**
     * The NATs' unsolicited-SYN policies: "drop", or "drop/rst" (first/second) when the two paths differ. A public
     * peer has no NAT, so it adds nothing: public × NAT takes the NAT's policy, and public × public counts as
     * "drop" (no NAT answers anything), so public peers sit in the same report matrix as the NATs they meet.
     */
    static String unsolicitedLabel(NatPath a, NatPath b) {
        if (a.isPublic() && b.isPublic()) return "drop";
        if (a.isPublic()) return policyLabel(b);
        if (b.isPublic()) return policyLabel(a);
        String ua = policyLabel(a), ub = policyLabel(b);
        return ua.equals(ub) ? ua : ua + "/" + ub;
    }

    /** {@code alice(port-restricted-cone) → bob(symmetric) [listen-connect]}: the JUnit display name. */
    public String displayName() {
        return first + "(" + firstNat + ") → " + second + "(" + secondNat + ") [" + strategy.wireName()
            + (interop() ? ", " + firstImpl.name() + " → " + secondImpl.name() : "")
            + (conditions.skewMs() > 0 ? ", skew " + conditions.skewMs() + " ms" : "") + "]";
    }

    /** {@code alice-bob-listen-connect}: the diagnostics directory name. */
    public String slug() {
        return first + "-" + second + "-" + strategy.wireName()
            + (interop() ? "-" + firstImpl.name() + "-" + secondImpl.name() : "")
            + (conditions.skewMs() > 0 ? "-skew" + conditions.skewMs() + "ms" : "");
    }

    private static NatPath fullPath(Topology t, String peer) {
        return new NatPath(t.natPath(peer).stream().map(NatLayer::of).toList());
    }

    private static String policyLabel(NatPath p) {
        return p.layers().stream().map(l -> l.unsolicited().yamlName()).distinct()
            .collect(Collectors.joining("+"));
    }
}
