package io.natlab.yaml;


import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the keys of one YAML mapping at a known field path. Creating it reports every key not
 * in the allowed set (with a "did you mean"). An explicit empty value ({@code key:} with nothing) counts
 * as absent, so the default applies.
 */
public final class MappingReader {

    private final YamlMap map;
    private final String path;
    private final Problems problems;

    private MappingReader(YamlMap map, String path, Set<String> allowedKeys, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        for (YamlMap.Entry e : map.entries()) {
            if (!allowedKeys.contains(e.key())) {
                String hint = DidYouMean.closest(e.key(), allowedKeys)
                    .map(k -> " (did you mean '" + k + "'?)")
                    .orElse("; allowed here: " + String.join(", ", allowedKeys));
                problems.add(e.keyWhere(), path(e.key()), "unknown key '" + e.key() + "'" + hint);
            }
        }
    }

    /** A reader for {@code node}, or empty (with an error) when it is not a mapping. */
    public static Optional<MappingReader> of(YamlNode node, String path, Set<String> allowedKeys, Problems problems) {
        return Scalars.mapping(node, path, problems).map(m -> new MappingReader(m, path, allowedKeys, problems));
    }

    public String path() { return path; }

    public String path(String key) { return path.isEmpty() ? key : path + "." + key; }

    public SourceRef where() { return map.where(); }

    public Problems problems() { return problems; }

    /** The value under {@code key}; empty when the key is absent or its value is empty. */
    public Optional<YamlNode> node(String key) {
        return map.entry(key).map(YamlMap.Entry::value)
            .filter(v -> !(v instanceof YamlScalar s && s.isNull()));
    }

    /** Where the value of {@code key} was written, else where this mapping starts. */
    public SourceRef whereOf(String key) { return node(key).map(YamlNode::where).orElse(map.where()); }

    /** Like {@link #node} but records "missing" when absent. */
    public Optional<YamlNode> required(String key, String hint) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) problems.add(map.entry(key).map(YamlMap.Entry::keyWhere).orElse(map.where()), path(key),
            "missing" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        return node;
    }

    public Optional<String> string(String key) { return node(key).flatMap(n -> Scalars.string(n, path(key), problems)); }

    public Optional<Long> integer(String key, long min, long max) {
        return node(key).flatMap(n -> Scalars.integer(n, path(key), min, max, problems));
    }

    public Optional<Double> number(String key, double min, double max) {
        return node(key).flatMap(n -> Scalars.number(n, path(key), min, max, problems));
    }

    public Optional<Boolean> bool(String key) { return node(key).flatMap(n -> Scalars.bool(n, path(key), problems)); }

    public Optional<Duration> duration(String key) { return node(key).flatMap(n -> Scalars.duration(n, path(key), problems)); }

    public <E> Optional<E> choice(String key, String what, Map<String, E> allowed) {
        return node(key).flatMap(n -> Scalars.choice(n, path(key), what, allowed, problems));
    }

    public Optional<YamlList> list(String key) { return node(key).flatMap(n -> Scalars.list(n, path(key), problems)); }

    /** Adds an error at the value of {@code key} (or at this mapping when absent). */
    public void error(String key, String message) { problems.add(whereOf(key), path(key), message); }
}
