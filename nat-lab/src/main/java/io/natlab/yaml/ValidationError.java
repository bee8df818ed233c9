package io.natlab.yaml;

import io.natlab.punch.Printable;

/**
 * One thing wrong with an input file.
 *
 * @param where     where it was written (file, 1-based line and column)
 * @param fieldPath the field in YAML terms, e.g. {@code topology.sites[1].lan}
 * @param message   what is wrong, and where possible how to fix it
 */
public record ValidationError(SourceRef where, String fieldPath, String message) {

    /** {@code FILE:LINE:COLUMN: field.path: what is wrong} */
    public String render() {
        // Escaped: a newline in a file name or a value must not split the error line or fake another one.
        return Printable.escape(where + ": " + fieldPath + ": " + message);
    }

    @Override public String toString() { return render(); }
}
