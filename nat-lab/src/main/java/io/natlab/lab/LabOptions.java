package io.natlab.lab;

import io.natlab.impl.Implementation;
import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to build and run a lab.
 *
 * @param punchJar     the punch.jar copied into the peer image
 * @param dockerDir    the repository's {@code docker/} directory (holds {@code router/} and {@code peer/})
 * @param baseImage    base image for both images, or {@code null} to choose: {@code NATLAB_BASE_IMAGE}, else
 *                     {@code debian:bookworm-slim} when present locally, else {@code natlab/debian-base:bookworm}
 * @param readyTimeout how long the rendezvous server may take to listen
 * @param implementations implementations under test the peers must carry besides punch-core (docs/peer-contract.md)
 */
public record LabOptions(Path punchJar, Path dockerDir, String baseImage, Duration readyTimeout,
                         List<Implementation> implementations) {

    public LabOptions {
        if (punchJar == null || dockerDir == null) throw new IllegalArgumentException("punchJar and dockerDir are required");
        if (readyTimeout == null) readyTimeout = Duration.ofSeconds(20);
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
    }

    public LabOptions(Path punchJar, Path dockerDir, String baseImage, Duration readyTimeout) {
        this(punchJar, dockerDir, baseImage, readyTimeout, List.of());
    }

    public LabOptions withBaseImage(String image) {
        return new LabOptions(punchJar, dockerDir, image, readyTimeout, implementations);
    }

    public LabOptions withImplementations(List<Implementation> impls) {
        return new LabOptions(punchJar, dockerDir, baseImage, readyTimeout, impls);
    }

    /**
     * Defaults for running from the repository: env {@code NATLAB_PUNCH_JAR} (another punch.jar), else system properties {@code natlab.punchJar} / {@code natlab.dockerDir}
     * (set by failsafe), else {@code punch-core/target/punch.jar} and {@code docker/} found from the working
     * directory upwards. The base image comes from {@code NATLAB_BASE_IMAGE} (system property or environment).
     */
    public static LabOptions fromEnvironment() {
        Path root = repoRoot();
        String jarEnv = System.getenv("NATLAB_PUNCH_JAR");
        Path jar = jarEnv != null && !jarEnv.isBlank() ? Path.of(jarEnv)
            : pathProperty("natlab.punchJar", root.resolve("punch-core/target/punch.jar"));
        Path docker = pathProperty("natlab.dockerDir", root.resolve("docker"));
        String base = System.getProperty("NATLAB_BASE_IMAGE", System.getenv("NATLAB_BASE_IMAGE"));
        return new LabOptions(jar.toAbsolutePath().normalize(), docker.toAbsolutePath().normalize(),
            base == null || base.isBlank() ? null : base.trim(), null);
    }

    private static Path pathProperty(String name, Path fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    private static Path repoRoot() {
        String prop = System.getProperty("natlab.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker/router/Dockerfile"))) return p;
        }
        return Path.of("").toAbsolutePath();
    }
}
