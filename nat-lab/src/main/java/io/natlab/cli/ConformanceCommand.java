package io.natlab.cli;

import io.natlab.conformance.CheckResult;
import io.natlab.conformance.ConformanceBattery;
import io.natlab.conformance.DockerConformanceLab;
import io.natlab.impl.Implementation;
import io.natlab.lab.DockerAvailability;
import io.natlab.lab.LabOptions;
import io.natlab.lab.LabStartException;
import io.natlab.punch.Printable;
import io.natlab.report.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code nat-lab conformance IMPL...}: the conformance battery on each implementation, in one small lab. Exit 0 when
 * every check of every implementation passes, 1 when any fails (or the lab does not start), 2 on usage errors.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Check implementations against the peer contract (docs/peer-contract.md) in a small lab: punch "
        + "against punch-core as first and second peer, the echo, the deadline with an absent peer, a wrong token.")
public final class ConformanceCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMPL",
        description = "punch-core, or a directory holding natlab-impl.yaml (or that file), as run --impl takes.")
    List<String> impls = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR",
        description = "Where the log and failed trials' evidence go (default: nat-lab/target/natlab-conformance in the "
            + "repository, natlab-conformance in the current directory outside one).")
    Path reportDir;

    @CommandLine.Mixin LabLocation location = new LabLocation();

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        LabInputs inputs = new LabInputs();
        List<Implementation> list = new ArrayList<>();
        for (String ref : impls) {
            Implementation i = inputs.implementation("IMPL", ref);
            if (i != null && list.stream().noneMatch(o -> o.name().equals(i.name()))) list.add(i);
        }
        LabOptions options = inputs.options(location);
        Path report = (reportDir != null ? reportDir : inputs.defaultDir("natlab-conformance")).toAbsolutePath().normalize();
        String reportProblem = ReportDirectory.prepare(report, reportDir != null);
        if (reportProblem != null) inputs.problems.add("--report " + Printable.escape(report.toString()) + ": " + reportProblem);
        if (!inputs.problems.isEmpty()) {
            inputs.problems.forEach(p -> err.println("conformance: " + p));
            return 2;
        }
        String log = LogSetup.toFile(report.resolve("natlab.log"));
        try {
            DockerAvailability.client();
        } catch (LabStartException e) {
            err.println("conformance: " + e.getMessage() + "; details: " + log);
            return 1;
        }
        out.println("conformance: starting the lab (implementation behind a port-restricted cone, punch-core behind a full cone)");
        out.flush();
        boolean allPassed = true;
        try (DockerConformanceLab lab = DockerConformanceLab.start(options, list, report, inputs.root.orElse(Path.of("").toAbsolutePath()))) {
            out.printf(Locale.ROOT, "conformance: lab up in %.1f s%n", lab.startMs() / 1000);
            ConformanceBattery battery = new ConformanceBattery(lab);
            for (Implementation impl : list) {
                out.println(impl.name() + (impl.source() == null ? " (built in)" : " (" + impl.source() + ")") + ":");
                out.flush();
                long t0 = System.nanoTime();
                List<CheckResult> results = battery.run(impl, r -> { out.println("  " + r.line()); out.flush(); });
                long passed = results.stream().filter(CheckResult::passed).count();
                allPassed &= passed == results.size();
                out.printf(Locale.ROOT, "%s: %d/%d checks passed in %.1f s%s%n", impl.name(), passed, results.size(),
                    (System.nanoTime() - t0) / 1e9, passed == results.size() ? "" : " - CONFORMANCE FAILED");
                out.flush();
            }
        } catch (LabStartException e) {
            err.println("conformance: " + e.getMessage() + "; details: " + log);
            return 1;
        }
        return allPassed ? 0 : 1;
    }
}
