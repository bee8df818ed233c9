package io.natlab.yaml;


/**
 * A parsed YAML value that remembers where it was written. Jackson's JsonNode drops locations,
 * so the loader builds this small tree from the YAMLParser token stream instead.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    SourceRef where();

    /** What this node is, for "expected X, got Y" messages: "a mapping", "a list", "a number" ... */
    String describe();
}
