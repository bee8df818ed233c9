package io.natlab.cli;

import io.natlab.compare.CellPairing;
import io.natlab.compare.Comparison;
import io.natlab.compare.GateThresholds;
import io.natlab.compare.RegressionGate;
import io.natlab.compare.report.CompareReportWriter;
import io.natlab.lab.DockerAvailability;
import io.natlab.lab.LabOptions;
import io.natlab.lab.LabStartException;
import io.natlab.punch.Printable;
import io.natlab.report.ConsoleProgress;
import io.natlab.report.LogSetup;
import io.natlab.report.ReportFolder;
import io.natlab.report.ReportWriter;
import io.natlab.result.RunResult;
import io.natlab.scenario.ScenarioLoader;
import io.natlab.scenario.run.ComparisonQueue;
import io.natlab.scenario.run.RunOptions;
import io.natlab.scenario.run.ScenarioRunner;
import io.natlab.scenario.run.docker.DockerLabFactory;
import io.natlab.yaml.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code nat-lab compare --base-jar A --head-jar B FILE...}: the regression gate. Runs the scenarios with both
 * versions on the same labs, their trials interleaved, and compares them cell by cell ({@link RegressionGate}).
 * Exit 0 no significant regression, 1 a regression beyond the minimum effects (or a cell that could not be
 * measured), 2 bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Run scenarios with two punch jars or implementations (base and head), interleaved on the same labs, "
        + "and fail on a significant regression: success counts (Fisher's exact test), time to punch (Mann-Whitney U, "
        + "Hodges-Lehmann shift), Holm-corrected across cells.")
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--base-jar", paramLabel = "JAR", description = "punch-core CLI jar of the base version.")
    Path baseJar;
    @Option(names = "--head-jar", paramLabel = "JAR", description = "punch-core CLI jar of the head version.")
    Path headJar;
    @Option(names = "--base-impl", paramLabel = "IMPL", description = "Base implementation: punch-core or a directory with natlab-impl.yaml.")
    String baseImpl;
    @Option(names = "--head-impl", paramLabel = "IMPL", description = "Head implementation, likewise.")
    String headImpl;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per pair and side, overriding each file's own "
        + "(time tests need --min-time-samples successes per side).")
    Integer trials;

    @Option(names = "--report", paramLabel = "DIR", description = "Where compare.md/.html/.json go, with the run's own "
        + "report and diagnostics; emptied first (default: nat-lab/target/natlab-compare in the repository, else natlab-compare).")
    Path reportDir;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
        description = "Family-wise error rate, Holm-corrected across all cells' tests (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Option(names = "--min-rate-drop", paramLabel = "POINTS", defaultValue = "10",
        description = "Smallest success-rate drop that counts, in percentage points (default: ${DEFAULT-VALUE}).")
    double minRateDrop;
    @Option(names = "--min-slowdown-ms", paramLabel = "MS", defaultValue = "20",
        description = "Smallest time-to-punch shift that counts, in ms (default: ${DEFAULT-VALUE}) ...")
    double minSlowdownMs;
    @Option(names = "--min-slowdown-pct", paramLabel = "PCT", defaultValue = "25",
        description = "... and in % of base's median; the larger of the two applies (default: ${DEFAULT-VALUE}).")
    double minSlowdownPct;
    @Option(names = "--min-time-samples", paramLabel = "N", defaultValue = "5",
        description = "Successful trials per side a time test needs (default: ${DEFAULT-VALUE}).")
    int minTimeSamples;

    @CommandLine.Mixin LabLocation location = new LabLocation();
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
        description = "Scenarios run at once, each on its own lab (default: ${DEFAULT-VALUE}: less host noise).")
    int parallel;
    @Option(names = "--no-classify", description = "Skip measuring each lab's NAT paths (about 4 s per lab).")
    boolean noClassify;

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<String> usage = new ArrayList<>();
        files.stream().filter(f -> InputFiles.problem(f) != null)
            .forEach(f -> usage.add(InputFiles.describe(f, InputFiles.problem(f))));
        if (usage.isEmpty()) for (Path f : files) { // bad input is exit 2 here, before any lab starts
            try { ScenarioLoader.load(f); } catch (ValidationException e) { usage.add(e.getMessage()); }
        }
        if (trials != null && trials < 1) usage.add("--trials must be at least 1, got " + trials);
        if (parallel < 1) usage.add("--parallel must be at least 1, got " + parallel);
        GateThresholds thresholds = null;
        try {
            thresholds = new GateThresholds(alpha, minRateDrop / 100, minSlowdownMs, minSlowdownPct / 100, minTimeSamples);
        } catch (IllegalArgumentException e) {
            usage.add("--alpha/--min-*: " + e.getMessage());
        }
        Optional<Path> root = RunCommand.repoRoot();
        LabOptions lab = location.resolve(usage);
        Path staging = Files.createTempDirectory("natlab-compare-");
        try {
            CompareSides.Resolved base = CompareSides.resolve("base", baseJar, baseImpl, staging, usage);
            CompareSides.Resolved head = CompareSides.resolve("head", headJar, headImpl, staging, usage);
            CompareSides.checkDistinct(base, head, usage);
            if (!usage.isEmpty()) {
                usage.forEach(u -> err.println("compare: " + u));
                return 2;
            }
            Path report = (reportDir != null ? reportDir
                : root.map(r -> r.resolve("nat-lab/target/natlab-compare")).orElse(Path.of("natlab-compare"))).toAbsolutePath().normalize();
            String reportProblem = ReportDirectory.prepare(report, reportDir != null);
            if (reportProblem != null) {
                err.println("compare: --report " + Printable.escape(report.toString()) + ": " + reportProblem);
                return 2;
            }
            try {
                ReportFolder.prepare(report, null); // a report never shows an earlier run's files
            } catch (IllegalArgumentException | IOException e) {
                err.println("compare: --report: " + Printable.escape(String.valueOf(e.getMessage())));
                return 2;
            }
            String log = LogSetup.toFile(report.resolve("natlab.log"));
            try {
                DockerAvailability.client();
            } catch (LabStartException e) {
                err.println("compare: " + e.getMessage() + "; details: " + log);
                return 1;
            }
            return run(base, head, thresholds, lab, root, report, err);
        } finally {
            deleteTree(staging);
        }
    }

    private int run(CompareSides.Resolved base, CompareSides.Resolved head, GateThresholds thresholds, LabOptions lab,
                    Optional<Path> root, Path report, PrintWriter err) throws IOException {
        RunOptions options = new RunOptions(report, trials, root.orElse(Path.of("").toAbsolutePath()), !noClassify,
            List.of(base.impl(), head.impl()));
        RunResult result;
        try (InterruptWatch interrupt = new InterruptWatch(err);
             ScenarioRunner runner = new ScenarioRunner(new DockerLabFactory(lab), options, interrupt.mute(ConsoleProgress.standard()))) {
            ComparisonQueue.runAll(runner, files, base.impl(), head.impl(), parallel);
            result = runner.result();
            if (interrupt.interrupted()) return 130;
        }
        ReportWriter.write(result, report); // every trial's details, as 'run' writes them
        CellPairing.Pairing pairing = CellPairing.of(result, base.impl().name(), head.impl().name());
        Comparison comparison = new Comparison(base.side(), head.side(), thresholds,
            new RegressionGate(thresholds).compare(pairing.cells()), pairing.problems(), result.wallMs());
        spec.commandLine().getOut().print(CompareReportWriter.write(comparison, report));
        spec.commandLine().getOut().flush();
        return comparison.verdict().exitCode();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) { // a temporary directory
        }
    }
}
