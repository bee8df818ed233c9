package io.natlab.cli;

import io.natlab.impl.Implementation;
import io.natlab.impl.ImplementationLoader;
import io.natlab.lab.LabOptions;
import io.natlab.yaml.ValidationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the lab-starting commands besides {@code run} (conformance, up) resolve the way {@code run} does: punch.jar,
 * the docker/ directory and implementation references. Problems are collected as usage lines, nothing is started.
 */
final class LabInputs {
    final List<String> problems = new ArrayList<>();
    final Optional<Path> root = RunCommand.repoRoot();

    /** {@code --punch-jar} / {@code --docker-dir} or their defaults; null (with a problem recorded) when missing. */
    LabOptions options(LabLocation location) { return location.resolve(problems); }

    /** Loads {@code ref} (punch-core, a directory or a natlab-impl.yaml); null with problems recorded when invalid. */
    Implementation implementation(String what, String ref) {
        try {
            return ImplementationLoader.load(ref);
        } catch (ValidationException e) {
            e.errors().forEach(v -> problems.add(what + " " + ref + ": " + v.render()));
            return null;
        }
    }

    /** A folder under the repository's nat-lab/target when run from the repository, else in the working directory. */
    Path defaultDir(String name) {
        return root.map(r -> r.resolve("nat-lab/target").resolve(name)).orElse(Path.of(name)).toAbsolutePath().normalize();
    }
}
