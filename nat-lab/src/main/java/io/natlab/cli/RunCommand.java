package io.natlab.cli;

import io.natlab.report.ResultsJson;
import io.natlab.shard.ShardCost;
import io.natlab.shard.ShardSelection;
import io.natlab.shard.ShardSpec;

import io.natlab.impl.Implementation;
import io.natlab.impl.ImplementationLoader;
import io.natlab.yaml.ValidationException;

import io.natlab.scenario.run.docker.DockerLabFactory;

import io.natlab.lab.DockerAvailability;
import io.natlab.lab.DelayBackendChoice;
import io.natlab.lab.LabOptions;
import io.natlab.nat.DelayBackend;
import io.natlab.lab.LabStartException;
import io.natlab.report.ConsoleProgress;
import io.natlab.report.LogSetup;
import io.natlab.report.ReportFolder;
import io.natlab.report.ReportWriter;
import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import io.natlab.scenario.run.RunOptions;
import io.natlab.scenario.run.ScenarioQueue;
import io.natlab.scenario.run.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code nat-lab run FILE... [--trials N] [--repeat N] [--process warm|fresh] [--report DIR] [--parallel N] [--no-classify]}: the scenario runner outside Maven. Exit 0 when every
 * verdict holds, 1 when any does not (or a file is invalid, or a lab did not start), 2 on usage errors.
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0", description = "Run scenario files through real Docker NAT labs and judge every pair.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--trials", paramLabel = "N", description = "Trials per pair, overriding each file's own.")
    Integer trials;

    @Option(names = "--repeat", paramLabel = "N", description = "Flake hunting: run each pair N times its trials "
        + "(after --trials), pooled into one result per pair whose stability label (stable/flaky/broken) then rests "
        + "on N times the evidence.")
    int repeat = 1;

    @Option(names = "--fail-on-flaky", description = "Exit 1 also when a pair is flaky (its success rate's 95% "
        + "interval straddles the scenario's min-success-rate), whatever its verdict.")
    boolean failOnFlaky;

    @Option(names = "--no-controls", description = "Skip the negative controls (a plain dial each way per pair before "
        + "its trials, 2-10 s per pair): reports then cannot tell open cells from punched ones.")
    boolean noControls;

    @Option(names = "--shard", paramLabel = "i/N",
        description = "Run only shard i of N (balanced by cost, the same split on every machine); join the shards' "
            + "report folders with 'nat-lab merge'.")
    String shard;

    @Option(names = "--shard-costs", paramLabel = "RESULTS_JSON",
        description = "An earlier run's results.json: its measured wall times balance the shards (default: estimates).")
    Path shardCosts;

    @Option(names = "--impl", paramLabel = "IMPL",
        description = "Implementation under test, overriding each file's own (repeatable; every ordered combination "
            + "punches each pair): punch-core, or a directory holding natlab-impl.yaml (docs/peer-contract.md).")
    List<String> impls = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR",
        description = "Where results, reports, diagnostics and natlab.log go, emptied first (default: "
            + "nat-lab/target/natlab-report in the repository, like mvn verify; natlab-report in the current directory "
            + "outside one). A non-empty folder nat-lab did not make is refused.")
    Path reportDir;

    @CommandLine.Mixin LabLocation location = new LabLocation();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
        description = "Scenarios run at once, each on its own lab (default: ${DEFAULT-VALUE}; on 2 cores, 4 scenarios "
            + "took 81 s with 2 against 124 s with 1: trials that wait out a timeout leave the CPU idle).")
    int parallel;

    @Option(names = "--no-classify",
        description = "Skip measuring each lab's NAT paths after it starts (about 4 s per lab); results then show no "
            + "measured classification and lab fidelity problems go unnoticed.")
    boolean noClassify;

    @Option(names = "--delay-backend", paramLabel = "auto|netem|nfqueue",
        description = "How routers add latency/jitter: netem where the kernel has it, else the userspace delayer "
            + "(auto, the default; also $NATLAB_DELAY), or force one.")
    String delayBackend;

    @Option(names = "--process", paramLabel = "warm|fresh",
        description = "How trials run their clients, overriding each file's own 'process': warm (a long-lived agent "
            + "per peer, the default) or fresh (a new process per client; also -Dnatlab.process).")
    String process;

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<String> usage = new ArrayList<>();
        io.natlab.scenario.ProcessMode processMode = null;
        if (process != null) {
            try { processMode = io.natlab.scenario.ProcessMode.parse(process, "--process"); } catch (IllegalArgumentException e) { usage.add(e.getMessage()); }
        }
        files.stream().filter(f -> InputFiles.problem(f) != null)
            .forEach(f -> usage.add(InputFiles.describe(f, InputFiles.problem(f))));
        if (trials != null && trials < 1) usage.add("--trials must be at least 1, got " + trials);
        if (repeat < 1 || repeat > RunOptions.MAX_REPEAT) usage.add("--repeat must be 1.." + RunOptions.MAX_REPEAT + ", got " + repeat);
        if (parallel < 1) usage.add("--parallel must be at least 1, got " + parallel);
        if (delayBackend != null) {
            try { DelayBackend.parseChoice(delayBackend, "--delay-backend"); } catch (IllegalArgumentException e) { usage.add(e.getMessage()); }
        }
        ShardSpec shardSpec = ShardSpec.all();
        if (shard != null) {
            try { shardSpec = ShardSpec.parse(shard, "--shard"); } catch (IllegalArgumentException e) { usage.add(e.getMessage()); }
        }
        ShardCost costs = ShardCost.estimated();
        if (shardCosts != null) {
            try { costs = ShardCost.measuredBy(ResultsJson.read(shardCosts)); }
            catch (java.io.IOException e) { usage.add("--shard-costs " + shardCosts + ": not a readable results.json (" + e.getMessage() + ")"); }
        }
        List<Implementation> implementations = new ArrayList<>();
        for (String ref : impls) {
            try {
                implementations.add(ImplementationLoader.load(ref));
            } catch (ValidationException e) {
                e.errors().forEach(v -> usage.add("--impl " + ref + ": " + v.render()));
            }
        }
        Optional<Path> root = repoRoot();
        LabOptions lab = location.resolve(usage);
        if (!usage.isEmpty()) {
            usage.forEach(u -> err.println("run: " + u));
            return 2;
        }

        Path report = (reportDir != null ? reportDir
            : root.map(r -> r.resolve("nat-lab/target/natlab-report")).orElse(Path.of("natlab-report")))
            .toAbsolutePath().normalize();
        String reportProblem = ReportDirectory.prepare(report, reportDir != null);
        if (reportProblem != null) { // before any lab starts: a run that cannot write its report is wasted
            err.println("run: --report " + io.natlab.punch.Printable.escape(report.toString()) + ": " + reportProblem);
            return 2;
        }
        try {
            ReportFolder.prepare(report, null); // a report never shows an earlier run's diagnostics
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("run: --report: " + io.natlab.punch.Printable.escape(String.valueOf(e.getMessage())));
            return 2;
        }
        // Before anything touches Testcontainers: its chatter (and stack traces) go to the log file, not the console.
        String log = LogSetup.toFile(report.resolve("natlab.log"));
        try {
            DockerAvailability.client();
        } catch (LabStartException e) { // no engine: one sentence with the fix, not one error per scenario
            err.println("run: " + e.getMessage() + "; details: " + log);
            err.flush();
            return 1;
        }

        if (delayBackend != null) System.setProperty(DelayBackendChoice.PROPERTY, delayBackend);
        if (noControls) System.setProperty(io.natlab.scenario.run.control.NegativeControls.PROPERTY, "false");
        RunOptions options = new RunOptions(report, trials, root.orElse(Path.of("").toAbsolutePath()), !noClassify,
            implementations).withRepeat(repeat).withProcess(processMode);
        RunResult result;
        try (InterruptWatch interrupt = new InterruptWatch(err);
             ScenarioRunner runner = new ScenarioRunner(new DockerLabFactory(lab), options, interrupt.mute(ConsoleProgress.standard()))) {
            try (ScenarioQueue queue = new ScenarioQueue(runner, parallel)) {
                queue.submitAll(ShardSelection.select(files, shardSpec, costs));
                queue.awaitAll();
            }
            result = runner.result();
            if (interrupt.interrupted()) return 130; // the JVM is exiting; a report of vanished containers would mislead
        }
        spec.commandLine().getOut().println(ReportWriter.write(result, report));
        spec.commandLine().getOut().flush();
        boolean flaky = failOnFlaky && result.scenarios().stream().flatMap(s -> s.pairs().stream())
            .anyMatch(p -> p.stability() != null && p.stability().flaky());
        return result.scenarios().stream().allMatch(ScenarioResult::passed) && !flaky ? 0 : 1;
    }

    /** The repository: the one holding this jar (nat-lab/target/nat-lab.jar), else the current directory or a parent. */
    static Optional<Path> repoRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            Path self = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            starts.add(self.toAbsolutePath());
        } catch (URISyntaxException | RuntimeException ignored) {
            // not from a file: only the working directory counts
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts)
            for (Path p = start; p != null; p = p.getParent())
                if (Files.isRegularFile(p.resolve("docker/router/Dockerfile"))) return Optional.of(p);
        return Optional.empty();
    }
}
