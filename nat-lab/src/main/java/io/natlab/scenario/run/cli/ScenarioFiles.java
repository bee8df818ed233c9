package io.natlab.scenario.run.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Resolves the {@code natlab.scenarios} selection: one or more globs or plain paths separated by commas, absolute or
 * relative to a base directory (the repository root), anywhere on disk. {@code **} crosses directories.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {}

    public static List<Path> resolve(String spec, Path base) {
        TreeSet<Path> found = new TreeSet<>();
        for (String part : spec.split(",")) {
            String glob = part.strip();
            if (!glob.isEmpty()) found.addAll(resolveOne(glob, base));
        }
        return new ArrayList<>(found);
    }

    private static List<Path> resolveOne(String glob, Path base) {
        Path whole = base.resolve(glob).toAbsolutePath().normalize();
        if (!hasGlobChars(glob)) return Files.isRegularFile(whole) ? List.of(whole) : List.of();
        // Walk from the longest literal prefix, match the rest as a glob on the absolute path.
        Path root = whole.getRoot();
        Path dir = root;
        for (Path name : whole) {
            if (hasGlobChars(name.toString())) break;
            dir = dir.resolve(name);
        }
        if (!Files.isDirectory(dir)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole.toString().replace("\\", "\\\\"));
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.toAbsolutePath().normalize())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean hasGlobChars(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
