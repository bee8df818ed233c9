package io.natlab.yaml;

import java.nio.file.Path;

/** Where a model element was written, so later errors can point at FILE:LINE:COLUMN. */
public record SourceRef(Path file, int line, int column) {
    public static SourceRef unknown() { return new SourceRef(null, 0, 0); }

    @Override public String toString() {
        return (file == null ? "<input>" : file.toString()) + ":" + line + ":" + column;
    }
}
