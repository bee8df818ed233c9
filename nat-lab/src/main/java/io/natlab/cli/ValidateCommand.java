package io.natlab.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** STUB — owned by the YAML/validation work: checks scenario/topology files without Docker. */
@Command(name = "validate", description = "Check scenario or topology files without Docker.")
public final class ValidateCommand implements Callable<Integer> {
    @Override public Integer call() { return 2; }
}
