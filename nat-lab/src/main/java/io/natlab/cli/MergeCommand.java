package io.natlab.cli;

import io.natlab.report.ReportWriter;
import io.natlab.report.ResultsJson;
import io.natlab.result.RunResult;
import io.natlab.shard.ShardMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nat-lab merge DIR... --report OUT}: joins the report folders of shards ({@code run --shard i/N}, one per
 * machine or Docker engine) into one report: results.json, report.md and report.html as one run would have
 * written them, with every shard's diagnostics copied beside them. Exit 0 merged, 1 the shards contradict each
 * other, 2 usage.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the report folders of several shards into one report.")
public final class MergeCommand implements Callable<Integer> {
    private static final Set<String> REPORT_FILES = Set.of(ResultsJson.FILE_NAME, "report.md", "report.html");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "A shard's report folder (holding results.json).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--report", required = true, paramLabel = "OUT", description = "Folder for the merged report.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<RunResult> shards = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path dir : dirs) {
            Path json = dir.resolve(ResultsJson.FILE_NAME);
            if (!Files.isRegularFile(json)) {
                err.println("merge: " + dir + ": no " + ResultsJson.FILE_NAME + " here; give a shard's report folder");
                return 2;
            }
            try {
                shards.add(ResultsJson.read(json));
            } catch (IOException e) {
                err.println("merge: " + json + ": not a readable results.json (" + e.getMessage() + ")");
                return 2;
            }
            labels.add(dir.toString());
        }
        RunResult merged;
        try {
            merged = ShardMerge.merge(shards, labels);
        } catch (IllegalArgumentException e) {
            err.println("merge: " + e.getMessage());
            return 1;
        }
        try {
            Files.createDirectories(out);
            for (Path dir : dirs) {
                copyDiagnostics(dir, out);
            }
            spec.commandLine().getOut().print(ReportWriter.write(merged, out));
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            err.println("merge: cannot write the report to " + out + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** Everything but the three report files, which the merge writes anew. */
    private static void copyDiagnostics(Path from, Path to) throws IOException {
        Path source = from.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (source.equals(target)) {
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(target)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!(file.getParent().equals(source) && REPORT_FILES.contains(file.getFileName().toString()))) {
                    Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
