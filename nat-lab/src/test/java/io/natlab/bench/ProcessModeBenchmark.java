package io.natlab.bench;

import io.natlab.host.HostEnvironment;
import io.natlab.lab.LabOptions;
import io.natlab.report.ConsoleProgress;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.scenario.ProcessMode;
import io.natlab.scenario.run.RunOptions;
import io.natlab.scenario.run.ScenarioRun;
import io.natlab.scenario.run.ScenarioRunner;
import io.natlab.scenario.run.docker.DockerLabFactory;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the same scenarios with {@code process: fresh} and then {@code warm}, back to back on one lab (the lab is
 * pooled between the two), and prints for each: trials per minute of trial time, per-trial overhead (wall time minus
 * time-to-punch, successful trials) p50/p95, time-to-punch p50, and the warm/fresh ratios. Verdicts must hold in both.
 * Not a test: the figures depend on the host. Needs Docker; run it under the lab lock:
 * <pre>
 * mvn -B -q -o package -DskipTests
 * flock /tmp/natlab-docker.lock java -cp nat-lab/target/nat-lab.jar:nat-lab/target/test-classes \
 *     io.natlab.bench.ProcessModeBenchmark [--trials N] [FILE...]   # default: the bench scenario of endpoint-independent cells
 * </pre>
 */
public final class ProcessModeBenchmark {
    private ProcessModeBenchmark() {}

    record Figures(int trials, int successes, double trialMinutes, double overheadP50, double overheadP95, double ttpP50,
                   boolean verdictsHold) {
        double perMinute() { return trials / trialMinutes; }
    }

    public static void main(String[] args) throws Exception {
        HostEnvironment.apply();
        Integer trials = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trials")) trials = Integer.parseInt(args[++i]);
            else files.add(Path.of(args[i]));
        }
        Path work = Files.createTempDirectory("natlab-bench");
        if (files.isEmpty()) {
            Path f = work.resolve("endpoint-independent.yaml");
            try (var in = ProcessModeBenchmark.class.getResourceAsStream("/bench/endpoint-independent.yaml")) {
                Files.copy(in, f);
            }
            files.add(f);
        }
        Map<ProcessMode, Figures> figures = new EnumMap<>(ProcessMode.class);
        try (ScenarioRunner runner = new ScenarioRunner(new DockerLabFactory(LabOptions.fromEnvironment()),
            new RunOptions(work.resolve("report"), trials, Path.of("").toAbsolutePath(), false), ConsoleProgress.standard())) {
            for (ProcessMode mode : List.of(ProcessMode.FRESH, ProcessMode.WARM)) {
                List<ScenarioResult> results = new ArrayList<>();
                for (Path f : files) results.add(run(runner, variant(f, mode, work)));
                figures.put(mode, figures(results));
            }
        }
        print(figures);
    }

    /** A copy of the scenario that runs {@code mode}, named after it (the same topology, so the lab is reused). */
    private static Path variant(Path file, ProcessMode mode, Path dir) throws Exception {
        String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String text = Files.readString(file).replaceAll("(?m)^(name|process):.*\\R", "");
        Path out = dir.resolve(stem + "-" + mode.yamlName() + ".yaml");
        Files.writeString(out, text + "\nprocess: " + mode.yamlName() + "\n");
        return out;
    }

    private static ScenarioResult run(ScenarioRunner runner, Path file) {
        ScenarioRun run = runner.open(file);
        if (run.loadError() != null) throw new IllegalArgumentException(run.loadError());
        run.plans().forEach(run::run);
        return run.finish();
    }

    static Figures figures(List<ScenarioResult> results) {
        List<Double> overhead = new ArrayList<>(), ttp = new ArrayList<>();
        double wallMs = 0;
        int trials = 0, successes = 0;
        boolean hold = true;
        for (ScenarioResult s : results) {
            hold &= s.passed();
            for (PairResult p : s.pairs()) {
                for (TrialResult t : p.trialResults()) {
                    trials++;
                    wallMs += t.wallMs();
                    if (t.timeToPunchMs() == null) continue;
                    successes++;
                    ttp.add(t.timeToPunchMs());
                    overhead.add(t.wallMs() - t.timeToPunchMs());
                }
            }
        }
        return new Figures(trials, successes, wallMs / 60_000, pct(overhead, 50), pct(overhead, 95), pct(ttp, 50), hold);
    }

    private static double pct(List<Double> xs, double p) {
        return xs.isEmpty() ? Double.NaN : new Percentile().evaluate(xs.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }

    private static void print(Map<ProcessMode, Figures> f) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %7s %9s %12s %14s %14s %9s %s%n", "mode", "trials", "direct", "trials/min",
            "overhead p50", "overhead p95", "ttp p50", "verdicts");
        f.forEach((mode, x) -> System.out.printf(Locale.ROOT, "%-6s %7d %9d %12.1f %11.0f ms %11.0f ms %6.1f ms %s%n",
            mode.yamlName(), x.trials(), x.successes(), x.perMinute(), x.overheadP50(), x.overheadP95(), x.ttpP50(),
            x.verdictsHold() ? "hold" : "DO NOT HOLD"));
        Figures fresh = f.get(ProcessMode.FRESH), warm = f.get(ProcessMode.WARM);
        System.out.printf(Locale.ROOT, "warm/fresh: %.1fx trials per minute, overhead p50 %.0f -> %.0f ms (%.1fx less)%n",
            warm.perMinute() / fresh.perMinute(), fresh.overheadP50(), warm.overheadP50(),
            fresh.overheadP50() / warm.overheadP50());
    }
}
