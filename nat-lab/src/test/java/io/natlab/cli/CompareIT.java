package io.natlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natlab.compare.SlowedPunch;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression gate end to end on real labs: punch.jar against itself passes (exit 0); punch.jar against a
 * deliberately slowed build of it ({@link SlowedPunch}: 1 s more to punch) fails (exit 1) and names the cell.
 * One small scenario (one pair, one order, 6 trials per side); each compare prints its table and wall time.
 * Why 1 s: with 300 ms the gate estimated a +253 ms shift but could not call it significant at 6 trials per side on a
 * busy 2-core host whose times to punch ranged 49-788 ms (adjusted p 0.20, exit 0): few trials find big effects.
 */
class CompareIT {
    private static final Path SCENARIO = Path.of("src/test/resources/compare/one-cell.yaml").toAbsolutePath();
    private static final Path OUT = Path.of("target/compare-it").toAbsolutePath();

    @Test
    void identicalBuildsPassAndASlowedBuildIsFlagged() throws Exception {
        Path punchJar = Path.of(System.getProperty("natlab.punchJar", "../punch-core/target/punch.jar")).toAbsolutePath();
        Files.createDirectories(OUT);
        Path slowed = slowedJar(punchJar, OUT.resolve("slowed-punch.jar"));

        Result same = compare(punchJar, punchJar, OUT.resolve("identical"));
        assertThat(same.exit).as(same.output).isEqualTo(0);
        assertThat(same.json.path("verdict").asText()).isEqualTo("no-regression");
        assertThat(same.json.path("cells")).hasSize(1);

        Result slow = compare(punchJar, slowed, OUT.resolve("slowed"));
        assertThat(slow.exit).as(slow.output).isEqualTo(1);
        assertThat(slow.json.path("verdict").asText()).isEqualTo("regression");
        JsonNode cell = slow.json.path("cells").get(0);
        assertThat(cell.path("cell").asText()).isEqualTo("one-cell: alice → bob [listen-connect]");
        assertThat(cell.path("regressed").asBoolean()).isTrue();
        assertThat(cell.path("time").path("change").asText()).isEqualTo("regression");
        assertThat(cell.path("time").path("shiftMs").asDouble()).as("Hodges-Lehmann shift").isGreaterThan(500);
        assertThat(slow.output).contains("REGRESSION (time)");
        assertThat(Files.readString(OUT.resolve("slowed/compare.md"))).contains("**Verdict: regression**");
    }

    private record Result(int exit, String output, JsonNode json) {}

    private static Result compare(Path base, Path head, Path report) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NatLabCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long t0 = System.nanoTime();
        int exit = cli.execute("compare", "--base-jar", base.toString(), "--head-jar", head.toString(),
            "--report", report.toString(), "--no-classify",
            "--punch-jar", System.getProperty("natlab.punchJar", "../punch-core/target/punch.jar"),
            "--docker-dir", System.getProperty("natlab.dockerDir", "../docker"), SCENARIO.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        String output = out + err.toString();
        System.out.printf("compare %s -> %s: exit %d in %.1f s%n%s%n", base.getFileName(), head.getFileName(), exit,
            seconds, output);
        Path json = report.resolve("compare.json");
        return new Result(exit, output, Files.isRegularFile(json) ? new ObjectMapper().readTree(json.toFile())
            : new ObjectMapper().createObjectNode());
    }

    /** punch.jar with SlowedPunch added as its Main-Class: the "head" build that punches 1 s later. */
    static Path slowedJar(Path punchJar, Path target) throws IOException, URISyntaxException {
        Path classes = Path.of(SlowedPunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SlowedPunch.class.getName());
        try (JarFile in = new JarFile(punchJar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (JarEntry e : java.util.Collections.list(in.entries())) {
                if (e.getName().equals(JarFile.MANIFEST_NAME)) continue;
                out.putNextEntry(new JarEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            for (String name : new String[] {"SlowedPunch.class", "SlowedPunch$Delaying.class"}) {
                String entry = "io/natlab/compare/" + name;
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return target;
    }
}
