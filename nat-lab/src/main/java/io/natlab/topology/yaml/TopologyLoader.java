package io.natlab.topology.yaml;

import io.natlab.punch.Printable;
import io.natlab.topology.LabName;
import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Problems;
import io.natlab.yaml.Scalars;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import io.natlab.yaml.YamlNode;
import io.natlab.yaml.YamlTreeReader;
import io.natlab.yaml.Utf8Text;
import io.natlab.yaml.SourceRef;
import io.natlab.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a topology-only file: top-level keys {@code name} (optional, default the file name),
 * {@code description} (optional) and {@code topology} (required), the latter exactly as in a scenario file.
 * Scenario files are loaded with {@code io.natlab.scenario.ScenarioLoader}, which reuses {@link TopologyReader}.
 */
public final class TopologyLoader {

    /** Largest input file read; real ones are a few KiB. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /** Descriptions are one line in reports and consoles. */
    public static final int MAX_DESCRIPTION_CHARS = 300;

    private final ReservedRanges reserved;

    public TopologyLoader(ReservedRanges reserved) { this.reserved = reserved; }

    /** Loads {@code file}, checking subnets against this host's reserved ranges. */
    public static Topology load(Path file) throws ValidationException {
        return new TopologyLoader(ReservedRanges.forThisHost()).loadFile(file);
    }

    public Topology loadFile(Path file) throws ValidationException {
        return parse(file, readFile(file));
    }

    public Topology parse(Path file, String text) throws ValidationException {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlTreeReader.read(file, text, problems);
        Optional<Topology> topology = root
            .flatMap(node -> MappingReader.of(node, "", YamlKeys.TOPOLOGY_FILE, problems))
            .flatMap(top -> {
                String name = name(top, file);
                description(top, false);
                return top.required("topology", "the lab's internet, rendezvous and sites")
                    .flatMap(t -> new TopologyReader(reserved).read(t, "topology", name, file, problems).topology());
            });
        problems.throwIfAny();
        return topology.orElseThrow();
    }

    /** The one-line {@code description:}; records an error when required and missing, or when multi-line. */
    public static Optional<String> description(MappingReader top, boolean required) {
        Optional<String> description = required
            ? top.required("description", "one line saying what this file shows")
                .flatMap(n -> Scalars.string(n, top.path("description"), top.problems()))
            : top.string("description");
        description.ifPresent(d -> {
            if (d.isBlank()) top.error("description", "must not be blank");
            else if (d.strip().contains("\n")) top.error("description", "must be one line");
            else if (d.length() > MAX_DESCRIPTION_CHARS) top.error("description", "must be at most " + MAX_DESCRIPTION_CHARS
                + " characters, got " + d.length());
            else if (!d.strip().equals(Printable.escape(d.strip()))) top.error("description",
                "must be printable text; it contains a control character: " + Printable.quoted(d.strip()));
        });
        return description.map(String::strip);
    }

    /**
     * The {@code name:}, else the file name without {@code .yaml}; either way it must obey {@link LabName}, so a
     * file whose name would not make a safe name is refused unless it says {@code name:}.
     */
    public static String name(MappingReader top, Path file) {
        Optional<String> written = top.string("name");
        String name = written.orElse(defaultName(file));
        String problem = LabName.problem(name);
        if (problem != null && written.isPresent()) {
            top.error("name", Printable.quoted(name) + " " + problem);
        } else if (problem != null) {
            top.problems().add(new SourceRef(file, 1, 1), "name", "no name: given, and the file name "
                + Printable.quoted(String.valueOf(file.getFileName())) + " " + problem
                + "; add name: or rename the file");
        }
        return name;
    }

    /** The file name without {@code .yaml}/{@code .yml}. */
    public static String defaultName(Path file) {
        if (file == null || file.getFileName() == null) return "unnamed";
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** The file's text; a missing or unreadable file is reported in the usual error format. */
    public static String readFile(Path file) throws ValidationException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ValidationException(List.of(new ValidationError(new SourceRef(file, 0, 0), "file",
                    "is " + size + " bytes; input files are at most " + MAX_FILE_BYTES + " bytes")));
            }
            return Utf8Text.decode(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ValidationException(List.of(new ValidationError(new SourceRef(file, 0, 0), "file", "no such file")));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ValidationException(List.of(new ValidationError(new SourceRef(file, 0, 0), "file",
                "cannot read: permission denied")));
        } catch (IOException e) {
            throw new ValidationException(List.of(new ValidationError(new SourceRef(file, 0, 0), "file",
                "cannot read: " + e.getMessage())));
        }
    }
}
