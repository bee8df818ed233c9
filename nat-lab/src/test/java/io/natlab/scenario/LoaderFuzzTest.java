package io.natlab.scenario;

import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the scenario loader: random text, YAML-shaped token soup, mutations of a valid file and raw bytes.
 * Every input must give a scenario or a {@link ValidationException} of single-line, positioned errors: never
 * another exception, never a hang (5 s per input). Inputs are bounded (the loader itself refuses files over
 * 1 MiB), so memory is too. About 1,000 inputs, a few seconds.
 */
class LoaderFuzzTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader(ReservedRanges.fixed());
    private static final String VALID = """
        name: fuzz
        description: two homes
        topology:
          internet: {peers: [carol]}
          rendezvous: {port: 7000, token: s3cret}
          sites:
            - {name: home-a, nat: symmetric, peers: [alice], loss: 1}
            - name: home-b
              nat: port-restricted-cone
              behind: home-a
              peers: [bob]
        punches:
          - peers: [alice, bob]
            expect: direct
        strategies: [listen-connect]
        budget: 2s
        trials: 3
        """;
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("loader-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    private static void check(Path file, Runnable load) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                load.run();
            } catch (ValidationException e) {
                assertThat(e.errors()).isNotEmpty().allSatisfy(LoaderFuzzTest::isClean);
            }
        });
    }

    private static void isClean(ValidationError error) {
        String line = error.render();
        // Parser internals never leak (their class names, Exception); the input itself may be quoted, backticks included.
        assertThat(line).doesNotContain("\n", "\r", "\u0000", "com.fasterxml", "snakeyaml", "Exception");
        assertThat(error.where().line()).isGreaterThanOrEqualTo(0);
        assertThat(error.message()).isNotBlank();
    }

    private static void parse(String text) {
        check(Path.of("fuzz.yaml"), () -> LOADER.parse(Path.of("fuzz.yaml"), text));
    }

    @Property(tries = 250)
    void anyTextGivesAScenarioOrCleanErrors(@ForAll("anyText") String text) {
        parse(text);
    }

    @Property(tries = 300)
    void yamlShapedSoupGivesAScenarioOrCleanErrors(@ForAll("soup") String text) {
        parse(text);
    }

    @Property(tries = 300)
    void mutatedValidFilesGiveAScenarioOrCleanErrors(@ForAll("mutated") String text) {
        parse(text);
    }

    @Property(tries = 150)
    void anyBytesOnDiskGiveAScenarioOrCleanErrors(@ForAll("bytes") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("f.yaml"), content);
        check(file, () -> LOADER.loadFile(file));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> token = Arbitraries.of("description: d\n", "topology:\n", "  sites:\n", "    - name: home-a\n",
            "      nat: full-cone\n", "      peers: [alice]\n", "  internet: {peers: [bob]}\n", "punches:\n",
            "  - peers: [alice, bob]\n", "---\n", "...\n", "[", "]", "{", "}", ": ", "- ", "&a ", "*a ", "\"", "'", "\t",
            "\u0000", "\ufffe", "\ud800", "# c\n", "!!binary ", "!foo ", "? ", "|\n", ">\n", "  ", "\n", "name: ",
            "trials: 99999999999999999999\n", "budget: -1s\n", "token: --port=22\n", "\"a\\nb\"", "0x1F", ".inf", "~",
            "<<: *a\n", "%YAML 1.2\n", "\u00e9", "\ud83d\ude00");
        return token.list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(3),
            Arbitraries.of(":", "-", "[", "{", "\n", "  ", "---\n", "\u0000", "'", "\""));
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 8);
        Arbitrary<List<Object[]>> edits = Combinators.combine(at, cut, insert).as((a, c, i) -> new Object[] {a, c, i})
            .list().ofMinSize(1).ofMaxSize(6);
        return edits.map(list -> {
            StringBuilder b = new StringBuilder(VALID);
            for (Object[] e : list) {
                int a = Math.min((Integer) e[0], b.length());
                int end = Math.min(b.length(), a + (Integer) e[1]);
                b.replace(a, end, (String) e[2]);
            }
            return b.toString();
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(0, VALID.length() - 1),
            Arbitraries.bytes()).as((i, b) -> {
                byte[] valid = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                valid[i] = b;
                return valid;
            });
        return Arbitraries.oneOf(random, flipped);
    }
}
