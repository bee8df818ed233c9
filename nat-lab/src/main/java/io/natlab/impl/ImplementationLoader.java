package io.natlab.impl;

import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Problems;
import io.natlab.yaml.Scalars;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.yaml.ValidationException;
import io.natlab.yaml.YamlList;
import io.natlab.yaml.YamlNode;
import io.natlab.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an implementation's descriptor, {@code natlab-impl.yaml} in its directory, with the same error format as
 * scenario files ({@code FILE:LINE:COLUMN: field: message}). Given {@code punch-core}, returns the built-in one.
 *
 * <pre>
 * name: python-example
 * description: the Python example implementation of docs/peer-contract.md
 * install: apt-get update &amp;&amp; apt-get install -y --no-install-recommends python3
 * command: [python3, /opt/impl/python-example/punch.py]
 * capabilities: []
 * </pre>
 */
public final class ImplementationLoader {
    public static final String DESCRIPTOR = "natlab-impl.yaml";
    static final Set<String> KEYS = Set.of("name", "description", "install", "command", "capabilities");
    private static final Map<String, Capability> CAPABILITIES = Scalars.names(Capability.values(), Capability::yamlName);
    private static final int MAX_TEXT = 1024;

    private ImplementationLoader() {
    }

    /** {@code punch-core}, a directory holding natlab-impl.yaml, or the descriptor file itself. */
    public static Implementation load(String reference) throws ValidationException {
        if (reference.equals(Implementation.PUNCH_CORE.name())) {
            return Implementation.PUNCH_CORE;
        }
        Path path = Path.of(reference);
        Path file = Files.isDirectory(path) ? path.resolve(DESCRIPTOR) : path;
        String text = TopologyLoader.readFile(file);
        Problems problems = new Problems();
        Optional<Implementation> impl = YamlTreeReader.read(file, text, problems)
                .flatMap(root -> read(root, file, problems));
        problems.throwIfAny();
        return impl.orElseThrow();
    }

    static Optional<Implementation> read(YamlNode root, Path file, Problems problems) {
        Optional<MappingReader> top = MappingReader.of(root, "", KEYS, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        MappingReader r = top.get();
        String name = r.required("name", "a-z, 0-9 and '-', e.g. my-puncher").flatMap(n -> r.string("name")).orElse(null);
        if (name != null && !Implementation.NAME.matcher(name).matches()) {
            r.error("name", "'" + printable(name) + "' is not a usable name: use a-z, 0-9 and '-', at most 40 characters");
            name = null;
        }
        r.string("description").filter(d -> !plainLine(d)).ifPresent(d -> r.error("description", "must be one line"));
        String install = r.string("install").orElse(null);
        if (install != null && !plainLine(install)) {
            r.error("install", "must be one line of at most " + MAX_TEXT + " characters, without control characters");
        }
        List<String> command = new ArrayList<>();
        r.required("command", "the argv to start, e.g. [python3, /opt/impl/NAME/punch.py]")
                .flatMap(n -> r.list("command")).ifPresent(list -> strings(list, r.path("command"), problems, command));
        if (r.node("command").isPresent() && command.isEmpty() && problems.isEmpty()) {
            r.error("command", "must name at least the program to run");
        }
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        r.list("capabilities").ifPresent(list -> {
            for (int i = 0; i < list.items().size(); i++) {
                Scalars.choice(list.items().get(i), r.path("capabilities") + "[" + i + "]", "capability", CAPABILITIES,
                        problems).ifPresent(caps::add);
            }
        });
        if (!problems.isEmpty() || name == null) {
            return Optional.empty();
        }
        return Optional.of(new Implementation(name, file.toAbsolutePath().normalize().getParent(), install, command, caps, file));
    }

    private static void strings(YamlList list, String path, Problems problems, List<String> out) {
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            YamlNode item = list.items().get(i);
            Scalars.string(item, at, problems).ifPresent(s -> {
                if (s.isEmpty() || !plainLine(s)) {
                    problems.add(item.where(), at, "must be a non-empty argument without control characters");
                } else {
                    out.add(s);
                }
            });
        }
    }

    private static boolean plainLine(String s) {
        return s.length() <= MAX_TEXT && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : new String(Character.toChars(c))));
        return b.toString();
    }
}
