package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import io.natlab.impl.JarImplementation;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** compare's run: only base × base and head × head, trials interleaved A B, B A, ... on one lab. */
class ComparisonQueueTest {
    @TempDir Path tmp;

    private Implementation jarImpl(String name) throws IOException {
        Path jar = tmp.resolve(name + "-in.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            out.flush();
        }
        return JarImplementation.of(name, jar, tmp.resolve("staging"));
    }

    @Test
    void theOrderAlternatesEachRound() {
        assertThat(InterleavedTrials.order(2, 1)).containsExactly(0, 1);
        assertThat(InterleavedTrials.order(2, 2)).containsExactly(1, 0);
        assertThat(InterleavedTrials.order(2, 3)).containsExactly(0, 1);
    }

    @Test
    void onlySameVersionPairsRunAndTheirTrialsInterleave() throws IOException {
        Implementation base = jarImpl("base");
        Implementation head = jarImpl("head");
        assertThat(base.command()).containsExactly("/opt/impl/base/punch", "client");
        assertThat(tmp.resolve("staging/base/punch.jar")).exists();
        assertThat(tmp.resolve("staging/base/punch")).isExecutable().content().contains("-jar \"$dir/punch.jar\"");
        List<String> firstClients = new CopyOnWriteArrayList<>();
        Path file = TwoHomeScenario.write(tmp, "two", "full-cone", "direct", 3);
        RunOptions options = new RunOptions(tmp.resolve("report"), null, tmp, false, List.of(base, head));
        try (ScenarioRunner runner = new ScenarioRunner(t -> new FakeLab(t, call -> {
            if (call.args().stream().anyMatch(a -> a.startsWith("NATLAB_ID=alice-")))
                call.args().stream().filter(a -> a.startsWith("/opt/impl/")).findFirst().ifPresent(firstClients::add);
            return ScenarioRunnerTest.DIRECT;
        }), options, Progress.QUIET)) {
            List<ScenarioResult> results = ComparisonQueue.runAll(runner, List.of(file), base, head, 1);
            List<PairResult> pairs = results.get(0).pairs();
            assertThat(pairs).extracting(p -> p.first() + ">" + p.second() + " " + p.firstImpl() + "x" + p.secondImpl())
                .containsExactly("alice>bob basexbase", "alice>bob headxhead", "bob>alice basexbase", "bob>alice headxhead");
            assertThat(pairs).allSatisfy(p -> assertThat(p.successes()).isEqualTo(3));
        }
        // alice's clients in the alice → bob trials: base, head | head, base | base, head
        assertThat(firstClients.subList(0, 6)).containsExactly("/opt/impl/base/punch", "/opt/impl/head/punch",
            "/opt/impl/head/punch", "/opt/impl/base/punch", "/opt/impl/base/punch", "/opt/impl/head/punch");
    }

    @Test
    void groupsPairBaseWithHeadPerCell() throws IOException {
        Implementation base = jarImpl("base");
        Implementation head = jarImpl("head");
        var t = io.natlab.scenario.ScenarioLoader.load(TwoHomeScenario.write(tmp, "g", "full-cone", "direct", 1))
            .withImplementations(List.of(base, head));
        List<List<PairPlan>> groups = ComparisonQueue.groups(PairPlan.expand(t), base, head);
        assertThat(PairPlan.expand(t)).hasSize(8); // 2 orders x 4 implementation pairs
        assertThat(groups).hasSize(2).allSatisfy(g -> {
            assertThat(g.get(0).firstImpl()).isEqualTo(base);
            assertThat(g.get(1).secondImpl()).isEqualTo(head);
            assertThat(g.get(0).first()).isEqualTo(g.get(1).first());
        });
    }
}
