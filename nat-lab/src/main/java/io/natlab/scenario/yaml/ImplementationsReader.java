package io.natlab.scenario.yaml;

import io.natlab.impl.Implementation;
import io.natlab.impl.ImplementationLoader;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Scalars;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import io.natlab.yaml.YamlList;
import io.natlab.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario's {@code implementations:} list: {@code punch-core}, or a directory holding natlab-impl.yaml
 * (relative to the scenario file). An implementation's own errors keep their own file and line.
 */
final class ImplementationsReader {
    private ImplementationsReader() {
    }

    static List<Implementation> read(MappingReader top, Path scenarioFile) {
        List<Implementation> out = new ArrayList<>();
        java.util.Optional<YamlList> list = top.list("implementations");
        if (list.isEmpty()) {
            return List.of();
        }
        if (list.get().items().isEmpty()) {
            top.error("implementations", "needs at least one implementation (or leave it out for punch-core alone)");
        }
        Path base = scenarioFile == null || scenarioFile.toAbsolutePath().getParent() == null
                ? Path.of("") : scenarioFile.toAbsolutePath().getParent();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.get().items().size(); i++) {
            YamlNode item = list.get().items().get(i);
            String path = top.path("implementations") + "[" + i + "]";
            Scalars.string(item, path, top.problems()).ifPresent(ref -> {
                Implementation impl = resolve(ref, base, item, path, top);
                if (impl == null) {
                    return;
                }
                String earlier = seen.putIfAbsent(impl.name(), path);
                if (earlier != null) {
                    top.problems().add(item.where(), path, "implementation '" + impl.name() + "' is already listed at " + earlier);
                } else {
                    out.add(impl);
                }
            });
        }
        return List.copyOf(out);
    }

    private static Implementation resolve(String ref, Path base, YamlNode item, String path, MappingReader top) {
        if (ref.equals(Implementation.PUNCH_CORE.name())) {
            return Implementation.PUNCH_CORE;
        }
        Path dir = base.resolve(ref).normalize();
        Path descriptor = Files.isDirectory(dir) ? dir.resolve(ImplementationLoader.DESCRIPTOR) : dir;
        if (!Files.isRegularFile(descriptor)) {
            top.problems().add(item.where(), path, "no " + ImplementationLoader.DESCRIPTOR + " at " + descriptor
                    + " (write punch-core, or a directory relative to this file that holds one)");
            return null;
        }
        try {
            return ImplementationLoader.load(descriptor.toString());
        } catch (ValidationException e) {
            for (ValidationError err : e.errors()) {
                top.problems().add(err.where(), err.fieldPath(), err.message());
            }
            top.problems().add(item.where(), path, "implementation at " + descriptor + " is invalid (see above)");
            return null;
        }
    }
}
