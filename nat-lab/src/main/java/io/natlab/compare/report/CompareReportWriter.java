package io.natlab.compare.report;

import io.natlab.compare.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes compare.md, compare.html and compare.json (each atomically) and returns the console table. */
public final class CompareReportWriter {
    private CompareReportWriter() {
    }

    public static String write(Comparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        atomically(dir.resolve(CompareJson.FILE_NAME), CompareJson.render(c));
        atomically(dir.resolve(CompareMarkdown.FILE_NAME), CompareMarkdown.render(c));
        atomically(dir.resolve(CompareHtml.FILE_NAME), CompareHtml.render(c));
        return CompareConsole.render(c, dir.toString());
    }

    private static void atomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
