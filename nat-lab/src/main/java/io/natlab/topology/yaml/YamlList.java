package io.natlab.topology.yaml;

import io.natlab.topology.SourceRef;

import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceRef where) implements YamlNode {

    public YamlList { items = List.copyOf(items); }

    @Override public String describe() { return "a list"; }
}
