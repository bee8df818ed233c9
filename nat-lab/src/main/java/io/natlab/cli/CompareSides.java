package io.natlab.cli;

import io.natlab.compare.Comparison;
import io.natlab.impl.Implementation;
import io.natlab.impl.ImplementationLoader;
import io.natlab.impl.JarImplementation;
import io.natlab.yaml.ValidationException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves {@code --base-jar/--base-impl} and {@code --head-jar/--head-impl} into the two implementations compared:
 * a jar becomes an implementation named {@code base} or {@code head} (its copy staged for the peer image), an
 * implementation keeps its own name. Every problem is one usage line naming the option.
 */
final class CompareSides {
    /** One side, resolved. */
    record Resolved(Implementation impl, Comparison.Side side) {}

    private CompareSides() {}

    /** The side, or null after adding what is wrong to {@code usage}. */
    static Resolved resolve(String side, Path jar, String impl, Path staging, List<String> usage) {
        if ((jar == null) == (impl == null)) {
            usage.add("give exactly one of --" + side + "-jar JAR and --" + side + "-impl IMPL");
            return null;
        }
        if (jar != null) {
            String problem = InputFiles.problem(jar);
            if (problem != null) {
                usage.add("--" + side + "-jar " + InputFiles.describe(jar, problem));
                return null;
            }
            try {
                Implementation i = JarImplementation.of(side, jar, staging);
                return new Resolved(i, new Comparison.Side(side, jar.toAbsolutePath().normalize().toString()));
            } catch (IllegalArgumentException | IOException e) {
                usage.add("--" + side + "-jar " + io.natlab.punch.Printable.escape(String.valueOf(e.getMessage())));
                return null;
            }
        }
        try {
            Implementation i = ImplementationLoader.load(impl);
            return new Resolved(i, new Comparison.Side(i.name(), i.builtIn() ? "built-in punch-core (--punch-jar)"
                : String.valueOf(i.source())));
        } catch (ValidationException e) {
            e.errors().forEach(v -> usage.add("--" + side + "-impl " + impl + ": " + v.render()));
            return null;
        }
    }

    /** Two sides with one name cannot be told apart in the results. */
    static void checkDistinct(Resolved base, Resolved head, List<String> usage) {
        if (base != null && head != null && base.impl().name().equals(head.impl().name()))
            usage.add("--base-impl and --head-impl are both '" + base.impl().name() + "': compare needs two "
                + "implementations with different names (two builds of one: use --base-jar/--head-jar)");
    }
}
