package io.natlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder one run writes its reports, diagnostics and log to. Each run starts from an empty folder, so a report
 * can never show diagnostics of an earlier run. Only a folder nat-lab made is emptied: it carries a
 * {@value #MARKER} file (or, from before the marker existed, a report's own files); any other non-empty folder is
 * refused, so a mistyped {@code --report} never deletes a user's files.
 */
public final class ReportFolder {
    static final String MARKER = ".natlab-report";
    /** Files only a nat-lab report folder holds: folders written before the marker existed are recognised by them. */
    private static final Set<String> REPORT_FILES = Set.of("results.json", "report.html", "report.md", "natlab.log");

    private ReportFolder() {}

    /**
     * Creates {@code dir} or empties it of an earlier run's files, then marks it as a report folder.
     * @param keep a file inside {@code dir} to leave alone (the log already open), or null
     * @throws IllegalArgumentException when {@code dir} is a file, or a non-empty folder nat-lab did not make
     */
    public static void prepare(Path dir, Path keep) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Path kept = keep == null ? null : keep.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder))
            throw new IllegalArgumentException(folder + " is a file, not a report folder");
        Files.createDirectories(folder);
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.toList();
        }
        boolean ours = entries.stream().map(p -> p.getFileName().toString())
            .anyMatch(n -> n.equals(MARKER) || REPORT_FILES.contains(n));
        if (!entries.isEmpty() && !ours)
            throw new IllegalArgumentException(folder + " holds files that are not a nat-lab report, and each run empties its "
                + "report folder: choose an empty or new folder");
        for (Path entry : entries) {
            if (kept != null && (entry.equals(kept) || kept.startsWith(entry) && Files.isDirectory(entry))) continue;
            deleteTree(entry);
        }
        Files.writeString(folder.resolve(MARKER), "nat-lab report folder: emptied at the start of every run\n");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
