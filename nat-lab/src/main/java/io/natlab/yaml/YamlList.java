package io.natlab.yaml;


import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceRef where) implements YamlNode {

    public YamlList { items = List.copyOf(items); }

    @Override public String describe() { return "a list"; }
}
