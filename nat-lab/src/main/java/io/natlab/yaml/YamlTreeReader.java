package io.natlab.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps 1-based line/column of every key and value.
 * Syntax errors, duplicate keys, aliases and extra documents are reported to {@link Problems} in the
 * usual {@code FILE:LINE:COLUMN} form.
 */
public final class YamlTreeReader {

    /** Field path used for errors that belong to the YAML syntax rather than to a field. */
    public static final String SYNTAX = "yaml";

    /** Deepest nesting of mappings and lists; real files use under ten levels. */
    public static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = new YAMLFactory();

    static {
        FACTORY.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private YamlTreeReader() {}

    /** The document's root, or empty when the text is not usable YAML (the reason is in {@code problems}). */
    public static Optional<YamlNode> read(Path file, String text, Problems problems) {
        if (!printable(file, text, problems)) return Optional.empty();
        YAMLParser parser = null;
        try {
            parser = (YAMLParser) FACTORY.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new SourceRef(file, 1, 1), SYNTAX, "the file is empty");
                return Optional.empty();
            }
            YamlNode root = new Builder(file, parser, problems).value("");
            if (parser.nextToken() != null) {
                problems.add(documentStart(file, text, parser.currentTokenLocation()), SYNTAX,
                    "only one YAML document per file is allowed (remove the second '---')");
            }
            return Optional.of(root);
        } catch (StreamConstraintsException e) {
            problems.add(ref(file, parser.currentLocation()), SYNTAX, "nested deeper than " + MAX_DEPTH + " levels");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            syntaxError(file, e, problems);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (parser != null) {
                try { parser.close(); } catch (IOException ignored) { /* reading a string */ }
            }
        }
    }

    /**
     * Reports the first character YAML does not allow (control characters such as NUL), naming it: the YAML
     * parser would report it at column 1 without saying which character it is.
     */
    private static boolean printable(Path file, String text, Problems problems) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7e) || c == 0x85
                || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
                || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!allowed) {
                String name = c == 0 ? "a NUL byte (U+0000)" : String.format(Locale.ROOT, "the control character U+%04X", (int) c);
                problems.add(new SourceRef(file, line, column), SYNTAX, name + " is not allowed in YAML text; remove it");
                return false;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return true;
    }

    /** Where the second document starts: its '---' line when there is one, not the first value after it. */
    private static SourceRef documentStart(Path file, String text, JsonLocation valueAt) {
        SourceRef value = ref(file, valueAt);
        List<String> lines = text.lines().toList();
        for (int l = Math.min(value.line(), lines.size()); l >= 1; l--) {
            if (lines.get(l - 1).startsWith("---")) return new SourceRef(file, l, 1);
        }
        return value;
    }

    private static void syntaxError(Path file, JsonProcessingException e, Problems problems) {
        // snakeyaml knows the exact problem and its position; Jackson's own location can point elsewhere.
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            String message = m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                message += " (" + m.getContext() + " started at line " + (m.getContextMark().getLine() + 1)
                    + ", column " + (m.getContextMark().getColumn() + 1) + ")";
            }
            problems.add(new SourceRef(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1),
                SYNTAX, message);
            return;
        }
        problems.add(ref(file, e.getLocation()), SYNTAX, plain(e.getOriginalMessage()));
    }

    /** A parser message without the parser's class or setting names (they are in backquotes). */
    static String plain(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        int tick = line.indexOf('`');
        if (tick >= 0) line = line.substring(0, tick).replaceAll("[\\s:;,(]*(enable|from|set)?\\s*$", "");
        line = line.replace("Expected a field name (Scalar value in YAML), got this instead: ", "a key must be a plain value, not ")
            .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.MappingStartEvent[^>]*>", "a mapping")
            .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.SequenceStartEvent[^>]*>", "a list")
            .replaceAll("<?\\b(org|com|java)\\.[A-Za-z0-9_.$]+(\\([^)]*\\))?>?", "an unexpected element")
            .strip();
        return line.isEmpty() ? "not valid YAML" : line;
    }

    static SourceRef ref(Path file, JsonLocation location) {
        if (location == null) return new SourceRef(file, 0, 0);
        return new SourceRef(file, Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    /** Recursive descent over the token stream; the parser is positioned on the value's first token. */
    private record Builder(Path file, YAMLParser parser, Problems problems) {

        YamlNode value(String path) throws IOException {
            JsonToken token = parser.currentToken();
            SourceRef where = ref(file, parser.currentTokenLocation());
            if (parser.isCurrentAlias()) {
                problems.add(where, path.isEmpty() ? SYNTAX : path,
                    "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            }
            return switch (token) {
                case START_OBJECT -> mapping(path, where);
                case START_ARRAY -> list(path, where);
                case VALUE_STRING -> new YamlScalar(parser.getText(), YamlScalar.Kind.STRING, where);
                case VALUE_NUMBER_INT -> new YamlScalar(parser.getText(), YamlScalar.Kind.INTEGER, where);
                case VALUE_NUMBER_FLOAT -> new YamlScalar(parser.getText(), YamlScalar.Kind.DECIMAL, where);
                case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(parser.getText(), YamlScalar.Kind.BOOLEAN, where);
                case VALUE_NULL -> new YamlScalar("", YamlScalar.Kind.NULL, where);
                default -> new YamlScalar(parser.getText(), YamlScalar.Kind.STRING, where);
            };
        }

        private YamlMap mapping(String path, SourceRef where) throws IOException {
            List<YamlMap.Entry> entries = new ArrayList<>();
            Map<String, SourceRef> seen = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceRef keyWhere = ref(file, parser.currentTokenLocation());
                String childPath = path.isEmpty() ? key : path + "." + key;
                parser.nextToken();
                YamlNode child = value(childPath);
                SourceRef first = seen.putIfAbsent(key, keyWhere);
                if (first != null) {
                    problems.add(keyWhere, childPath, "duplicate key (first written at line " + first.line() + ")");
                } else {
                    entries.add(new YamlMap.Entry(key, keyWhere, child));
                }
            }
            return new YamlMap(entries, where);
        }

        private YamlList list(String path, SourceRef where) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(path + "[" + items.size() + "]"));
            }
            return new YamlList(items, where);
        }
    }
}
