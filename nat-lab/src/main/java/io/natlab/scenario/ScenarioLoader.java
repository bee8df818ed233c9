package io.natlab.scenario;

import io.natlab.scenario.yaml.ScenarioReader;
import io.natlab.yaml.Problems;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.yaml.ValidationException;
import io.natlab.yaml.YamlNode;
import io.natlab.yaml.YamlTreeReader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads scenario files (a topology plus punches, strategies, budget, timeout, trials, min-success-rate and
 * echo-bytes), validating everything before any container starts. All problems in a file are reported
 * together in one {@link ValidationException}.
 */
public final class ScenarioLoader {

    private final ReservedRanges reserved;

    public ScenarioLoader(ReservedRanges reserved) { this.reserved = reserved; }

    /** Loads {@code file}, checking subnets against this host's reserved ranges (routes, DNS, registries). */
    public static Scenario load(Path file) throws ValidationException {
        return new ScenarioLoader(ReservedRanges.forThisHost()).loadFile(file);
    }

    public Scenario loadFile(Path file) throws ValidationException {
        return parse(file, TopologyLoader.readFile(file));
    }

    /** Parses {@code text} as if read from {@code file} (which names the scenario and appears in errors). */
    public Scenario parse(Path file, String text) throws ValidationException {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlTreeReader.read(file, text, problems);
        Optional<Scenario> scenario = root.flatMap(node -> new ScenarioReader(reserved).read(node, file, problems));
        problems.throwIfAny();
        return scenario.orElseThrow();
    }
}
