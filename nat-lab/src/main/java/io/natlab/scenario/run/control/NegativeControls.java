package io.natlab.scenario.run.control;

import io.natlab.lab.Lab;
import io.natlab.result.NegativeControl;
import io.natlab.result.PairConditions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The negative control of a pair, measured once per lab and pair of peers (both role orders and every strategy
 * share it) before that pair's first trial, and turned to the asking pair's role order.
 */
public final class NegativeControls {
    /** Per lab instance (a lab's lifetime is its pool lease chain): unordered pair -> control. */
    private static final Map<Lab, Map<List<String>, NegativeControl>> MEASURED =
        Collections.synchronizedMap(new WeakHashMap<>());

    private NegativeControls() {}

    /** {@code -Dnatlab.controls=false} (or {@code nat-lab run --no-controls}) skips every control: results say null. */
    public static final String PROPERTY = "natlab.controls";

    public static boolean enabled() { return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip()); }

    /**
     * The control seen from {@code first}; measured now (resetting the lab) unless this lab measured it already.
     * Null when controls are switched off.
     */
    public static NegativeControl forPair(Lab lab, String first, String second, PairConditions conditions) {
        if (!enabled()) return null;
        List<String> sorted = first.compareTo(second) <= 0 ? List.of(first, second) : List.of(second, first);
        long rttMs = conditions == null ? 0 : 2 * (conditions.firstLatencyMs() + conditions.secondLatencyMs());
        Map<List<String>, NegativeControl> ofLab = MEASURED.computeIfAbsent(lab, l -> new ConcurrentHashMap<>());
        NegativeControl c = ofLab.computeIfAbsent(sorted, k -> ControlProbe.run(lab, k.get(0), k.get(1), rttMs));
        return sorted.get(0).equals(first) ? c : c.reversed();
    }
}
