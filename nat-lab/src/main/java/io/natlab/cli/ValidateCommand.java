package io.natlab.cli;

import io.natlab.scenario.ScenarioLoader;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nat-lab validate FILE...}: checks scenario (or, with {@code --topology}, topology-only) files without
 * Docker. Prints {@code OK FILE} per valid file on stdout and every error as {@code FILE:LINE:COLUMN: field: message}
 * on stderr. Exit 0 all valid, 1 some invalid, 2 usage (no files; missing, unreadable or directory paths).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0", description = "Check scenario or topology files without Docker.")
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Scenario files (.yaml) to check.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--topology", description = "Treat the files as topology-only files (name, description, topology).")
    boolean topologyOnly;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (files.isEmpty()) {
                err.println("validate: no files given");
                spec.commandLine().usage(err);
                return 2;
            }
            List<String> unusable = files.stream().filter(f -> InputFiles.problem(f) != null)
                .map(f -> InputFiles.line("validate", f, InputFiles.problem(f))).toList();
            if (!unusable.isEmpty()) {
                unusable.forEach(err::println);
                return 2;
            }
            ReservedRanges reserved;
            try {
                reserved = ReservedRanges.forThisHost();
            } catch (IllegalArgumentException e) {
                err.println("validate: " + e.getMessage());
                return 2;
            }
            int invalid = 0;
            for (Path file : files) {
                try {
                    if (topologyOnly) new TopologyLoader(reserved).loadFile(file);
                    else new ScenarioLoader(reserved).loadFile(file);
                    out.println("OK " + file);
                } catch (ValidationException e) {
                    invalid++;
                    e.errors().stream().map(ValidationError::render).forEach(err::println);
                }
            }
            if (invalid > 0) err.println(invalid + " of " + files.size() + " file(s) invalid");
            return invalid == 0 ? 0 : 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
