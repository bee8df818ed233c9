package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.natlab.impl.Implementation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Builds the router and peer images, tagged by a hash of what goes into them (Dockerfile directory, punch.jar,
 * base image id), so an unchanged image is reused and a changed punch.jar gives a new peer image. Implementations
 * under test other than punch-core go into one more layer on top of the peer image.
 */
public final class LabImages {
    public static final String DEFAULT_BASE = "debian:bookworm-slim";
    public static final String LOCAL_BASE = "natlab/debian-base:bookworm";

    /** The two image tags a lab runs. */
    public record Images(String router, String peer) {}

    private LabImages() {}

    /** Builds (or reuses) both images in parallel. */
    public static Images ensure(DockerClient docker, LabOptions options) {
        if (!Files.isRegularFile(options.punchJar()))
            throw new LabStartException("punch.jar not found at " + options.punchJar()
                + "; build it first: mvn -B -pl punch-core package -DskipTests");
        for (String kind : List.of("router", "peer")) {
            if (!Files.isRegularFile(options.dockerDir().resolve(kind).resolve("Dockerfile")))
                throw new LabStartException("no Dockerfile at " + options.dockerDir().resolve(kind)
                    + "; set natlab.dockerDir to the repository's docker/ directory");
        }
        String base = chooseBase(docker, options.baseImage());
        String baseId = docker.inspectImageCmd(base).exec().getId();
        CompletableFuture<String> router = CompletableFuture.supplyAsync(() ->
            ensureImage(docker, "router", options.dockerDir().resolve("router"), null, base, baseId));
        CompletableFuture<String> peer = CompletableFuture.supplyAsync(() ->
            ensureImage(docker, "peer", options.dockerDir().resolve("peer"), options.punchJar(), base, baseId))
            .thenApply(peerTag -> ensureImplementations(docker, peerTag, options.implementations()));
        try {
            return new Images(router.join(), peer.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The base image: explicit choice, else the Debian image when present, else the locally built one. */
    static String chooseBase(DockerClient docker, String explicit) {
        if (explicit != null) {
            if (!present(docker, explicit))
                throw new LabStartException("base image " + explicit + " (NATLAB_BASE_IMAGE) is not present locally; "
                    + "pull it or run docker/prepare-host.sh");
            return explicit;
        }
        if (present(docker, DEFAULT_BASE)) return DEFAULT_BASE;
        if (present(docker, LOCAL_BASE)) return LOCAL_BASE;
        throw new LabStartException("no base image: neither " + DEFAULT_BASE + " nor " + LOCAL_BASE
            + " is present; run docker/prepare-host.sh (it pulls or builds one)");
    }

    private static boolean present(DockerClient docker, String image) {
        try { docker.inspectImageCmd(image).exec(); return true; }
        catch (NotFoundException e) { return false; }
    }

    private static String ensureImage(DockerClient docker, String kind, Path dir, Path punchJar, String base, String baseId) {
        String tag = "natlab/" + kind + ":" + contentHash(dir, punchJar, baseId);
        return buildIfAbsent(docker, kind, tag, "from " + dir + " on " + base, Map.of("BASE_IMAGE", base), context -> {
            copyTree(dir, context);
            if (punchJar != null) Files.copy(punchJar, context.resolve("punch.jar"), StandardCopyOption.REPLACE_EXISTING);
        });
    }

    /**
     * The peer image plus every implementation under test: each one's directory at /opt/impl/NAME and its install
     * line run once. Tagged by the peer image and the implementations' contents, so it is rebuilt only on change.
     */
    static String ensureImplementations(DockerClient docker, String peerTag, List<Implementation> impls) {
        List<Implementation> external = impls.stream().filter(i -> !i.builtIn())
            .sorted(java.util.Comparator.comparing(Implementation::name)).toList();
        if (external.isEmpty()) return peerTag;
        StringBuilder hashInput = new StringBuilder(peerTag);
        StringBuilder dockerfile = new StringBuilder("FROM " + peerTag + "\n");
        for (Implementation impl : external) {
            hashInput.append('\n').append(impl.name()).append('\n').append(impl.install())
                .append('\n').append(contentHash(impl.home(), null, ""));
            dockerfile.append("COPY ").append(impl.name()).append("/ ").append(Implementation.IMPL_ROOT)
                .append(impl.name()).append("/\n");
            if (impl.install() != null) dockerfile.append("RUN ").append(impl.install()).append('\n');
        }
        String tag = "natlab/peer-impl:" + sha16(hashInput.toString().getBytes(StandardCharsets.UTF_8));
        String names = String.join(", ", external.stream().map(Implementation::name).toList());
        return buildIfAbsent(docker, "peer", tag, "with " + names + " on " + peerTag, Map.of(), context -> {
            for (Implementation impl : external) copyTree(impl.home(), context.resolve(impl.name()));
            Files.writeString(context.resolve("Dockerfile"), dockerfile.toString());
        });
    }

    private interface ContextWriter { void write(Path context) throws IOException; }

    /** One build path for every image: a temporary context, the build, its output's tail in any error. */
    private static String buildIfAbsent(DockerClient docker, String kind, String tag, String what,
                                        Map<String, String> args, ContextWriter writer) {
        if (present(docker, tag)) return tag;
        Path context = null;
        try {
            context = Files.createTempDirectory("natlab-" + kind + "-");
            writer.write(context);
            StringBuilder log = new StringBuilder();
            try {
                var cmd = docker.buildImageCmd()
                    .withBaseDirectory(context.toFile())
                    .withDockerfile(context.resolve("Dockerfile").toFile())
                    .withPull(false)
                    .withRemove(true)
                    .withTags(java.util.Set.of(tag))
                    .withLabels(Map.of("natlab.image", kind));
                args.forEach(cmd::withBuildArg);
                cmd.exec(new BuildImageResultCallback() {
                        @Override public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null) log.append(item.getStream());
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
            } catch (RuntimeException e) {
                String tail = tail(log.toString(), 25);
                throw new LabStartException("building the " + kind + " image " + what + " failed: "
                    + DockerAvailability.rootMessage(e) + (tail.isEmpty() ? "" : "\n--- build output (end) ---\n" + tail), e);
            }
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (context != null) deleteTree(context);
        }
    }

    /** SHA-256 over the directory's files (path + bytes, sorted), the jar and the base image id; 16 hex chars. */
    static String contentHash(Path dir, Path punchJar, String baseId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readAllBytes(f));
                }
            }
            if (punchJar != null) sha.update(Files.readAllBytes(punchJar));
            sha.update(baseId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha16(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) { /* temp dir */ }
    }

    private static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
