package io.natlab.yaml;


import java.util.ArrayList;
import java.util.List;

/** Collects every error found while reading one file, so the user sees them all at once. */
public final class Problems {

    private final List<ValidationError> errors = new ArrayList<>();

    public void add(SourceRef where, String fieldPath, String message) {
        errors.add(new ValidationError(where, fieldPath, message));
    }

    public boolean isEmpty() { return errors.isEmpty(); }

    public int count() { return errors.size(); }

    public List<ValidationError> errors() { return List.copyOf(errors); }

    /** Throws a {@link ValidationException} listing every error so far, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }
}
