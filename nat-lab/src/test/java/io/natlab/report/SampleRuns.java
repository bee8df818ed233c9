package io.natlab.report;

import io.natlab.stats.Interval;
import io.natlab.stats.Stats;
import io.natlab.punch.Outcome;
import io.natlab.punch.Method;
import io.natlab.result.ClientStage;
import io.natlab.result.ClientTrace;
import io.natlab.result.FailedAt;
import io.natlab.result.PairConditions;
import io.natlab.result.PairResult;
import io.natlab.result.PhaseTimes;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic synthetic runs for report tests and for looking at the HTML: the full 5x5 drop matrix, rst/icmp,
 * connect-only vs listen-connect, nested CGN labels, a lossy pair, some failed verdicts and a scenario error.
 */
public final class SampleRuns {
    private SampleRuns() {}

    static final List<String> NATS = List.of("none", "full-cone", "restricted-cone", "port-restricted-cone", "symmetric");
    private static final Map<String, String> SHORT = Map.of("none", "pub", "full-cone", "fc", "restricted-cone", "rc",
            "port-restricted-cone", "prc", "symmetric", "sym");

    public static RunResult full() {
        Random random = new Random(42);
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (int i = 0; i < NATS.size(); i++) {
            for (int j = i; j < NATS.size(); j++) {
                String a = NATS.get(i), b = NATS.get(j);
                String name = SHORT.get(a) + "-x-" + SHORT.get(b);
                boolean direct = theory(a, b);
                List<PairResult> pairs = new ArrayList<>();
                // Two deliberate surprises: full-cone x symmetric fails now and then, rc x sym succeeds.
                int successes = direct ? 5 : 0;
                if (name.equals("fc-x-sym")) successes = 2;
                if (name.equals("rc-x-sym")) successes = 5;
                pairs.add(pair(random, name, "alice", "bob", a, b, "drop", "listen-connect", "auto", direct, successes, 5, 8));
                pairs.add(pair(random, name, "bob", "alice", b, a, "drop", "listen-connect", "auto", direct, successes, 5, 8));
                scenarios.add(scenario(name, "Main matrix: " + a + " x " + b + ", unsolicited SYNs dropped", pairs, 2400));
            }
        }
        for (String policy : List.of("rst", "icmp")) {
            String name = "prc-x-prc-" + policy;
            scenarios.add(scenario(name, "Port-restricted cone both sides, unsolicited SYNs answered with " + policy,
                    List.of(pair(random, name, "alice", "bob", "port-restricted-cone", "port-restricted-cone", policy,
                                    "listen-connect", "auto", true, policy.equals("rst") ? 4 : 5, 5, policy.equals("rst") ? 900 : 30),
                            pair(random, name, "bob", "alice", "port-restricted-cone", "port-restricted-cone", policy,
                                    "listen-connect", "auto", true, 5, 5, policy.equals("rst") ? 900 : 30)), 0));
        }
        String cs = "cone-x-sym-connect-only";
        scenarios.add(scenario(cs, "Full cone x symmetric without a listener: the listener matters",
                List.of(pair(random, cs, "alice", "bob", "full-cone", "symmetric", "drop", "connect-only", "auto", false, 0, 5, 8),
                        pair(random, cs, "bob", "alice", "symmetric", "full-cone", "drop", "connect-only", "auto", false, 0, 5, 8)), 0));
        String cgn = "two-homes-behind-cgn";
        // Descriptions as long as the shipped ones: the layout check (docs/check-report-layout.sh) needs them.
        scenarios.add(scenario(cgn, "Two port-restricted homes behind one symmetric carrier-grade NAT, and one of them "
                + "against a public peer on the simulated internet (nested NAT paths in every column)",
                List.of(pair(random, cgn, "alice", "bob", "port-restricted-cone behind symmetric",
                                "port-restricted-cone behind symmetric", "drop", "listen-connect", "auto", false, 0, 5, 8),
                        pair(random, cgn, "alice", "carol", "port-restricted-cone behind symmetric", "none", "drop",
                                "listen-connect", "auto", true, 5, 5, 11)), 2900));
        String loss = "prc-x-prc-loss10";
        scenarios.add(scenario(loss, "10% loss on both port-restricted routers",
                List.of(pair(random, loss, "alice", "bob", "port-restricted-cone", "port-restricted-cone", "drop",
                        "listen-connect", "auto", true, 4, 5, 400)), 2300));
        String seq = "symseq-x-prc";
        scenarios.add(scenario(seq, "Sequential symmetric x port-restricted cone: fails until port prediction exists",
                List.of(pair(random, seq, "alice", "bob", "symmetric-sequential", "port-restricted-cone", "drop",
                        "listen-connect", "failed", false, 0, 5, 8)), 2500));
        scenarios.add(new ScenarioResult("broken <lab> & \"quotes\"", "scenarios/broken.yaml", "A scenario whose lab failed to start",
                0, 120, List.of(), "lab failed to start: router home-a: iptables-restore: line 3 failed <script>alert(1)</script>",
                "mvn -B verify -Dnatlab.scenarios=scenarios/broken.yaml"));
        return new RunResult(RunResult.SCHEMA_VERSION, "2025-01-14T09:30:12Z", 412_345,
                "natlab-ci (2 cores, Linux 6.1.0, Docker 20.10.24)", scenarios);
    }

    /** The drop-policy theory table, simplified: enough to make expectations look like the oracle's. */
    private static boolean theory(String a, String b) {
        boolean symA = a.equals("symmetric"), symB = b.equals("symmetric");
        if (symA && symB) return false;
        if (!symA && !symB) return true;
        String other = symA ? b : a;
        return other.equals("none") || other.equals("full-cone");
    }

    static PairResult pair(Random random, String scenario, String first, String second, String firstNat, String secondNat,
                           String unsolicited, String strategy, String expectation, boolean expectedDirect,
                           int successes, int trials, double typicalMs) {
        List<TrialResult> trialResults = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        int attemptsSum = 0;
        String pairDir = scenario + "/" + first + "-" + second + "-" + strategy;
        for (int t = 1; t <= trials; t++) {
            boolean ok = t <= successes;
            int attempts = ok ? 1 + (typicalMs > 100 ? 2 : random.nextInt(2)) : 6;
            attemptsSum += attempts;
            if (ok) {
                double ms = Math.round(typicalMs * (0.6 + random.nextDouble() * 0.9) * 10) / 10.0;
                Method method = random.nextInt(3) == 0 ? Method.ACCEPT : Method.CONNECT;
                methods.merge(method.wireName(), 1, Integer::sum);
                times.add(ms);
                trialResults.add(new TrialResult(t, Outcome.DIRECT, method, ms, attempts, 0.2 + random.nextDouble() * 0.2,
                        65536, true, null, 1700 + random.nextInt(400), null));
            } else {
                boolean unexpected = expectedDirect;
                PhaseTimes phases = new PhaseTimes(600.0 + random.nextInt(50), 6000.0, null);
                List<ClientTrace> clients = List.of(
                        new ClientTrace(first, first + "-t" + t, 9000, ClientStage.INSTRUCTED, Outcome.FAILED, null, attempts / 2,
                                6000.0, "timeout after 6s", false, phases,
                                List.of("2025-01-14T09:31:02.101Z registered public=198.18.0.3:40001 private=10.1.0.2:40001"), 0),
                        new ClientTrace(second, second + "-t" + t, 6000, ClientStage.INSTRUCTED, Outcome.FAILED, null,
                                attempts - attempts / 2, 6000.0, "timeout after 6s", false, phases, List.of(), 0));
                trialResults.add(new TrialResult(t, Outcome.FAILED, null, null, attempts, null, 0, false,
                        "alice: timeout after 6s (no SYN-ACK from " + second + "); bob: timeout after 6s", 6900 + random.nextInt(300),
                        unexpected ? pairDir + "/trial-" + t : null, FailedAt.PUNCH, phases, clients));
            }
        }
        Outcome observed = successes / (double) trials >= 0.8 ? Outcome.DIRECT : Outcome.FAILED;
        Outcome expected = expectedDirect ? Outcome.DIRECT : Outcome.FAILED;
        Verdict verdict = observed == expected ? Verdict.PASS
                : observed == Outcome.DIRECT ? Verdict.UNEXPECTED_SUCCESS : Verdict.UNEXPECTED_FAILURE;
        Interval w = Stats.wilson(successes, trials);
        String diagnostics = verdict == Verdict.PASS ? null : pairDir;
        String message = verdict == Verdict.PASS ? "expected " + expected.wireName() + ", observed " + observed.wireName()
                : String.format("expected %s, observed %s: %d/%d direct (95%% CI %.0f–%.0f%%); diagnostics: %s",
                expected.wireName(), observed.wireName(), successes, trials, w.low() * 100, w.high() * 100, diagnostics);
        Map<String, String> classification = new LinkedHashMap<>();
        if (!firstNat.equals("none")) classification.put("home-a", describe(firstNat));
        if (!secondNat.equals("none")) classification.put("home-b", describe(secondNat));
        String reason = expectation.equals("auto") ? (expectedDirect ? "both sides map endpoint-independently"
                : "symmetric mapping meets port-restricted filtering") : "declared in the scenario";
        return new PairResult(first, second, firstNat, secondNat, unsolicited, strategy, expectation, expected, reason,
                observed, successes, trials, w.low(), w.high(), Stats.percentile(times, 50), Stats.percentile(times, 95),
                Stats.max(times), methods, attemptsSum / (double) trials, classification, verdict, message, trialResults,
                diagnostics, successes < trials ? Map.of(FailedAt.PUNCH, trials - successes) : Map.of(),
                PairConditions.PLAIN);
    }

    private static String describe(String nat) {
        String base = nat.split(" ")[0];
        return switch (base) {
            case "full-cone" -> "mapping EIM, port preserving, filtering EIF";
            case "restricted-cone" -> "mapping EIM, port preserving, filtering ADF";
            case "symmetric", "symmetric-sequential" -> "mapping APDM, port random, filtering APDF";
            default -> "mapping EIM, port preserving, filtering APDF";
        };
    }

    private static ScenarioResult scenario(String name, String description, List<PairResult> pairs, double labStartMs) {
        double wall = labStartMs + pairs.stream().flatMap(p -> p.trialResults().stream()).mapToDouble(TrialResult::wallMs).sum();
        return new ScenarioResult(name, "scenarios/" + name + ".yaml", description, labStartMs, wall, pairs, null,
                "mvn -B verify -Dnatlab.scenarios=scenarios/" + name + ".yaml");
    }
}
