package io.natlab.scenario;

import io.natlab.scenario.run.cli.ScenarioFiles;
import io.natlab.scenario.run.docker.DockerLabFactory;

import io.natlab.lab.LabOptions;
import io.natlab.report.ConsoleProgress;
import io.natlab.report.ReportWriter;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.Verdict;
import io.natlab.scenario.run.PairPlan;
import io.natlab.scenario.run.RunOptions;
import io.natlab.scenario.run.ScenarioQueue;
import io.natlab.scenario.run.ScenarioRun;
import io.natlab.scenario.run.ScenarioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every scenario file becomes a dynamic container named by its path, with one test per pair x role order x strategy
 * (its trials inside). Selection: {@code -Dnatlab.scenarios=GLOB[,GLOB...]} (default: the repository's
 * {@code scenarios/*.yaml}, relative globs resolve against the repository root), {@code -Dnatlab.trials=N}, {@code -Dnatlab.process=warm|fresh},
 * {@code -Dnatlab.repeat=N} (each pair runs N times its trials: flake hunting), {@code -Dnatlab.parallel=N} scenarios at once (default 2), {@code -Dnatlab.classify=false} to skip measuring each
 * lab's NAT paths. Every scenario is queued when the factory runs; JUnit then walks the tests in order and each
 * waits for its own pair's result, so the reported test times are waits, not run times.
 * Invalid files, labs that do not start and an empty selection are failures, never skips. The reports are written
 * to {@code natlab.reportDir} once, at the end, with every scenario.
 */
class ScenarioSuiteIT {
    static final Path REPO = Path.of(prop("natlab.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path REPORT = Path.of(prop("natlab.reportDir", "target/natlab-report")).toAbsolutePath().normalize();
    static final ScenarioRunner RUNNER = new ScenarioRunner(new DockerLabFactory(LabOptions.fromEnvironment()),
        new RunOptions(REPORT, positive("natlab.trials", null), REPO, !"false".equalsIgnoreCase(prop("natlab.classify", "true")),
            implementations(prop("natlab.impls", ""))).withRepeat(positive("natlab.repeat", 1))
            .withProcess(process(prop(io.natlab.scenario.ProcessMode.PROPERTY, ""))),
        ConsoleProgress.standard());
    /** {@code -Dnatlab.failOnFlaky=true}: a flaky pair fails its test even when its verdict holds. */
    static final boolean FAIL_ON_FLAKY = "true".equalsIgnoreCase(prop("natlab.failOnFlaky", "false"));
    static final ScenarioQueue QUEUE = new ScenarioQueue(RUNNER, positive("natlab.parallel", 2));

    /** {@code -Dnatlab.process=warm|fresh}: every scenario's clients run that way (default: each file's own). */
    static ProcessMode process(String spec) {
        return spec.isBlank() ? null : ProcessMode.parse(spec, "-D" + ProcessMode.PROPERTY);
    }

    /** {@code -Dnatlab.impls=punch-core,examples/python-punch}: relative directories resolve against the repository. */
    static List<io.natlab.impl.Implementation> implementations(String spec) {
        List<io.natlab.impl.Implementation> out = new java.util.ArrayList<>();
        for (String ref : spec.split(",")) {
            if (ref.isBlank()) continue;
            String r = ref.strip();
            out.add(io.natlab.impl.ImplementationLoader.load(
                r.equals(io.natlab.impl.Implementation.PUNCH_CORE.name()) ? r : REPO.resolve(r).toString()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        String spec = prop("natlab.scenarios", REPO.resolve("scenarios").toString() + "/*.yaml");
        List<Path> files = ScenarioFiles.resolve(spec, REPO);
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("natlab.scenarios=" + spec,
                () -> fail("no scenario file matches natlab.scenarios=" + spec + " (relative globs resolve against " + REPO + ")")));
        }
        // -Dnatlab.shard=i/N: this machine's part of the suite (join the report folders with nat-lab merge)
        String shard = prop("natlab.shard", "");
        if (!shard.isBlank()) {
            files = io.natlab.shard.ShardSelection.select(files, io.natlab.shard.ShardSpec.parse(shard, "natlab.shard"),
                io.natlab.shard.ShardCost.estimated());
            if (files.isEmpty()) return Stream.of(DynamicTest.dynamicTest("natlab.shard=" + shard,
                () -> fail("shard " + shard + " got no scenario: use fewer shards than scenario files")));
        }
        List<ScenarioQueue.Scheduled> queued = QUEUE.submitAll(files); // everything starts now, two at a time
        return queued.stream().map(ScenarioSuiteIT::container).toList().stream();
    }

    private static DynamicNode container(ScenarioQueue.Scheduled s) {
        ScenarioRun run = s.run();
        String name = display(run.file());
        if (run.loadError() != null) {
            return DynamicContainer.dynamicContainer(name, run.file().toUri(), Stream.of(DynamicTest.dynamicTest("load",
                () -> { s.finished().join(); fail(run.loadError()); })));
        }
        List<PairPlan> plans = run.plans();
        return DynamicContainer.dynamicContainer(name, run.file().toUri(), IntStream.range(0, plans.size()).mapToObj(i ->
            DynamicTest.dynamicTest(plans.get(i).displayName(), () -> {
                PairResult r = s.pairs().get(i).join();
                if (r.verdict() != Verdict.PASS) fail(r.message());
                if (FAIL_ON_FLAKY && r.stability() != null && r.stability().flaky()) fail("flaky (natlab.failOnFlaky): " + r.message());
            })));
    }

    @AfterAll
    static void writeReport() throws Exception {
        List<ScenarioResult> done;
        try {
            done = QUEUE.awaitAll();
        } finally {
            QUEUE.close();
            RUNNER.close();
        }
        if (done.isEmpty()) return;
        System.out.println(ReportWriter.write(RUNNER.result(), REPORT));
        assertResultsMatchTheirSchema(REPORT.resolve("results.json"));
    }

    /** The real run's results.json, not just a sample, must have the documented shape. */
    private static void assertResultsMatchTheirSchema(Path results) throws Exception {
        try (java.io.InputStream in = ScenarioSuiteIT.class.getResourceAsStream("/schema/natlab-results.schema.json")) {
            var schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
            var errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(results.toFile()));
            if (!errors.isEmpty()) throw new AssertionError(results + " does not match its schema: " + errors);
        }
    }

    private static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(REPO) ? REPO.relativize(abs).toString() : abs.toString();
    }

    private static Integer positive(String name, Integer fallback) {
        String t = System.getProperty(name, "").strip();
        if (t.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(t);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive integer, got '" + t + "'");
        }
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
