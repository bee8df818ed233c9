package io.natlab.yaml;


import java.util.List;
import java.util.Optional;

/** A YAML mapping in source order. Keys are unique (the tree reader reports duplicates). */
public record YamlMap(List<Entry> entries, SourceRef where) implements YamlNode {

    /** One {@code key: value} pair; {@code keyWhere} points at the key itself, for unknown-key errors. */
    public record Entry(String key, SourceRef keyWhere, YamlNode value) {}

    public YamlMap { entries = List.copyOf(entries); }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public boolean has(String key) { return entry(key).isPresent(); }

    @Override public String describe() { return "a mapping"; }
}
