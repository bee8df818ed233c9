package io.natlab.cli;

import io.natlab.lab.LabOptions;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a lab's parts come from, for every command that starts one (run, compare, conformance, up): the punch.jar
 * baked into the peer image and the repository's docker/ directory. One definition of the options, their defaults
 * and their checks, mixed into each command.
 */
final class LabLocation {
    @Option(names = "--punch-jar", paramLabel = "JAR",
        description = "punch-core CLI jar for the peer image (default: $NATLAB_PUNCH_JAR, else punch-core/target/punch.jar "
            + "in the repository holding this jar or the current directory).")
    Path punchJar;

    @Option(names = "--docker-dir", paramLabel = "DIR",
        description = "The repository's docker/ directory (default: found like --punch-jar).")
    Path dockerDir;

    /**
     * The lab options these locations give, with the environment's base image; null when a location is missing, each
     * problem added to {@code problems} as one line naming the option.
     */
    LabOptions resolve(List<String> problems) {
        Optional<Path> root = RunCommand.repoRoot();
        Path jar = punchJar != null ? punchJar : defaultPunchJar(root);
        Path docker = dockerDir != null ? dockerDir : root.map(r -> r.resolve("docker")).orElse(null);
        int before = problems.size();
        if (jar == null || !Files.isRegularFile(jar))
            problems.add("punch.jar not found" + (jar == null ? "" : " at " + jar) + ": build it (mvn -B package -pl punch-core) or pass --punch-jar");
        if (docker == null || !Files.isDirectory(docker.resolve("router")) || !Files.isDirectory(docker.resolve("peer")))
            problems.add("docker/ directory with router/ and peer/ not found" + (docker == null ? "" : " at " + docker) + ": pass --docker-dir");
        if (problems.size() > before) return null;
        return new LabOptions(jar.toAbsolutePath().normalize(), docker.toAbsolutePath().normalize(),
            LabOptions.fromEnvironment().baseImage(), null);
    }

    private static Path defaultPunchJar(Optional<Path> root) {
        String env = System.getenv("NATLAB_PUNCH_JAR");
        if (env != null && !env.isBlank()) return Path.of(env);
        return root.map(r -> r.resolve("punch-core/target/punch.jar")).orElse(null);
    }
}
