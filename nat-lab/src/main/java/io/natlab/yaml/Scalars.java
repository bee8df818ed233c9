package io.natlab.yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of single YAML values. Each returns empty and records an error naming the field when the
 * value has the wrong type or range, so callers simply skip what did not parse.
 */
public final class Scalars {

    private Scalars() {}

    /** Enum constants by their YAML spelling, in declaration order (for "allowed: ..." lists). */
    public static <E extends Enum<E>> Map<String, E> names(E[] values, Function<E, String> yamlName) {
        Map<String, E> byName = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> byName.put(yamlName.apply(v), v));
        return byName;
    }

    /** Any non-null scalar as text (YAML may type {@code 12345} as a number where a string is meant). */
    public static Optional<String> string(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlScalar s && !s.isNull() && s.kind() != YamlScalar.Kind.BOOLEAN) return Optional.of(s.text());
        return wrongType(node, path, "a string", problems);
    }

    public static Optional<Long> integer(YamlNode node, String path, long min, long max, Problems problems) {
        if (!(node instanceof YamlScalar s) || s.kind() != YamlScalar.Kind.INTEGER) {
            return wrongType(node, path, "a whole number", problems);
        }
        BigDecimal value;
        try { value = new BigDecimal(s.text()); } catch (NumberFormatException e) {
            problems.add(node.where(), path, "'" + s.text() + "' is not a plain decimal whole number");
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(node.where(), path, "must be between " + min + " and " + max + ", got " + s.text());
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    public static Optional<Double> number(YamlNode node, String path, double min, double max, Problems problems) {
        if (!(node instanceof YamlScalar s)
            || (s.kind() != YamlScalar.Kind.INTEGER && s.kind() != YamlScalar.Kind.DECIMAL)) {
            return wrongType(node, path, "a number", problems);
        }
        double value;
        try { value = Double.parseDouble(s.text()); } catch (NumberFormatException e) {
            problems.add(node.where(), path, "'" + s.text() + "' is not a plain decimal number");
            return Optional.empty();
        }
        if (!(value >= min && value <= max)) {
            problems.add(node.where(), path, "must be between " + plain(min) + " and " + plain(max) + ", got " + s.text());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public static Optional<Boolean> bool(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) return Optional.of(Boolean.parseBoolean(s.text()));
        return wrongType(node, path, "true or false", problems);
    }

    public static Optional<Duration> duration(YamlNode node, String path, Problems problems) {
        if (!(node instanceof YamlScalar s) || s.isNull() || s.kind() == YamlScalar.Kind.BOOLEAN) {
            return wrongType(node, path, "a duration such as 500ms, 2s or 1m", problems);
        }
        try {
            return Optional.of(Durations.parse(s.text()));
        } catch (IllegalArgumentException e) {
            problems.add(node.where(), path, e.getMessage());
            return Optional.empty();
        }
    }

    /** One of a fixed set of words; unknown words get a suggestion and the allowed list. */
    public static <E> Optional<E> choice(YamlNode node, String path, String what, Map<String, E> allowed, Problems problems) {
        Optional<String> text = string(node, path, problems);
        if (text.isEmpty()) return Optional.empty();
        E value = allowed.get(text.get());
        if (value == null) {
            problems.add(node.where(), path, "unknown " + what + " '" + text.get() + "'"
                + DidYouMean.hint(text.get(), allowed.keySet()) + "; allowed: " + String.join(", ", allowed.keySet()));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public static Optional<YamlList> list(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlList l) return Optional.of(l);
        return wrongType(node, path, "a list", problems);
    }

    public static Optional<YamlMap> mapping(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlMap m) return Optional.of(m);
        return wrongType(node, path, "a mapping (key: value lines)", problems);
    }

    private static <T> Optional<T> wrongType(YamlNode node, String path, String expected, Problems problems) {
        problems.add(node.where(), path, "expected " + expected + ", got " + node.describe());
        return Optional.empty();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
