package io.natlab.yaml;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything wrong with an input file, found in one pass (not just the first problem).
 * Unchecked so loaders can be called from streams and dynamic tests; the message lists every
 * error on its own line in {@code FILE:LINE:COLUMN: field.path: what is wrong} form, sorted by position.
 */
public final class ValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public ValidationException(List<ValidationError> errors) {
        super(render(sorted(errors)));
        if (errors.isEmpty()) throw new IllegalArgumentException("a ValidationException needs at least one error");
        this.errors = sorted(errors);
    }

    public List<ValidationError> errors() { return errors; }

    private static List<ValidationError> sorted(List<ValidationError> errors) {
        return errors.stream()
            .sorted(Comparator.comparingInt((ValidationError e) -> e.where().line())
                .thenComparingInt(e -> e.where().column()))
            .toList();
    }

    private static String render(List<ValidationError> errors) {
        return errors.stream().map(ValidationError::render).collect(Collectors.joining(System.lineSeparator()));
    }
}
