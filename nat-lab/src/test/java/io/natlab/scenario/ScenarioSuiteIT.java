package io.natlab.scenario;

import io.natlab.lab.LabOptions;
import io.natlab.report.ConsoleProgress;
import io.natlab.report.ReportWriter;
import io.natlab.result.PairResult;
import io.natlab.result.Verdict;
import io.natlab.scenario.run.DockerLabFactory;
import io.natlab.scenario.run.PairPlan;
import io.natlab.scenario.run.RunOptions;
import io.natlab.scenario.run.ScenarioFiles;
import io.natlab.scenario.run.ScenarioRun;
import io.natlab.scenario.run.ScenarioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every scenario file becomes a dynamic container named by its path, with one test per pair x role order x strategy
 * (its trials inside). Selection: {@code -Dnatlab.scenarios=GLOB[,GLOB...]} (default: the repository's
 * {@code scenarios/*.yaml}, relative globs resolve against the repository root), {@code -Dnatlab.trials=N}.
 * Invalid files, labs that do not start and an empty selection are failures, never skips. The reports are written
 * to {@code natlab.reportDir} at the end.
 */
class ScenarioSuiteIT {
    static final Path REPO = Path.of(prop("natlab.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path REPORT = Path.of(prop("natlab.reportDir", "target/natlab-report")).toAbsolutePath().normalize();
    static final ScenarioRunner RUNNER = new ScenarioRunner(new DockerLabFactory(LabOptions.fromEnvironment()),
        new RunOptions(REPORT, trialsOverride(), REPO), ConsoleProgress.standard());
    static final List<ScenarioRun> RUNS = new CopyOnWriteArrayList<>();

    @TestFactory
    Stream<DynamicNode> scenarios() {
        String spec = prop("natlab.scenarios", REPO.resolve("scenarios").toString() + "/*.yaml");
        List<Path> files = ScenarioFiles.resolve(spec, REPO);
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("natlab.scenarios=" + spec,
                () -> fail("no scenario file matches natlab.scenarios=" + spec + " (relative globs resolve against " + REPO + ")")));
        }
        RUNNER.runStarted(files.size());
        return files.stream().map(ScenarioSuiteIT::container);
    }

    private static DynamicNode container(Path file) {
        ScenarioRun run = RUNNER.open(file);
        RUNS.add(run);
        String name = display(file);
        if (run.loadError() != null) {
            return DynamicContainer.dynamicContainer(name, file.toUri(), Stream.of(DynamicTest.dynamicTest("load",
                () -> { run.finish(); fail(run.loadError()); })));
        }
        List<PairPlan> plans = run.plans();
        return DynamicContainer.dynamicContainer(name, file.toUri(), IntStream.range(0, plans.size()).mapToObj(i ->
            DynamicTest.dynamicTest(plans.get(i).displayName(), () -> {
                try {
                    PairResult r = run.run(plans.get(i));
                    if (r.verdict() != Verdict.PASS) fail(r.message());
                } finally {
                    if (i == plans.size() - 1) run.finish(); // frees the lab for the next scenario
                }
            })));
    }

    @AfterAll
    static void writeReport() throws Exception {
        RUNS.forEach(ScenarioRun::finish);
        RUNNER.close();
        if (RUNS.isEmpty()) return;
        System.out.println(ReportWriter.write(RUNNER.result(), REPORT));
    }

    private static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(REPO) ? REPO.relativize(abs).toString() : abs.toString();
    }

    private static Integer trialsOverride() {
        String t = System.getProperty("natlab.trials", "").strip();
        if (t.isEmpty()) return null;
        try {
            int n = Integer.parseInt(t);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("natlab.trials must be a positive integer, got '" + t + "'");
        }
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
