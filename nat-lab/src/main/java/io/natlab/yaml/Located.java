package io.natlab.yaml;


/** A value read from YAML together with its field path and position, for cross-reference errors. */
public record Located<T>(T value, String path, SourceRef where) {

    /** "topology.sites[0].lan (line 7)" — how other errors refer to this value. */
    public String cite() { return path + " (line " + where.line() + ")"; }
}
