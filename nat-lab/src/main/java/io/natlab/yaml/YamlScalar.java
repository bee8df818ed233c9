package io.natlab.yaml;


/**
 * A YAML scalar as the YAML parser typed it.
 *
 * @param text the scalar's text as written (numbers unconverted, so range errors can quote them)
 */
public record YamlScalar(String text, Kind kind, SourceRef where) implements YamlNode {

    public enum Kind {
        STRING("a string"), INTEGER("an integer"), DECIMAL("a number"), BOOLEAN("a boolean"), NULL("an empty value");

        private final String description;
        Kind(String description) { this.description = description; }
    }

    public boolean isNull() { return kind == Kind.NULL; }

    @Override public String describe() {
        return kind == Kind.NULL ? kind.description : kind.description + " ('" + text + "')";
    }
}
