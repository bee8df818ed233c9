package io.natlab.cli;

import io.natlab.interactive.ControlClient;
import io.natlab.interactive.LabState;
import io.natlab.punch.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code nat-lab punch A B [--impl X [--impl Y]]}: one trial in the interactive lab, A registering first. The
 * {@code up} process runs it with the scenario runner's trial code and always keeps the evidence.
 */
@Command(name = "punch", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Run one trial between two peers of the lab 'nat-lab up' started; print both results and the evidence paths.")
public final class LabPunchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The peer that registers first.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The other peer.")
    String second;

    @Option(names = "--impl", paramLabel = "IMPL",
        description = "Implementation for both peers, or give it twice: A's then B's (a name the lab carries, or its "
            + "directory); default punch-core.")
    List<String> impls = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "listen-connect",
        description = "listen-connect (default) or connect-only.")
    String strategy;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (impls.size() > 2) { err.println("punch: --impl at most twice (A's, then B's)"); return 2; }
        Optional<LabState> s = LabSession.find("punch", err);
        if (s.isEmpty()) return 1;
        if (LabSession.host("punch", s.get(), first, true, err).isEmpty()
            || LabSession.host("punch", s.get(), second, true, err).isEmpty()) return 2;
        if (first.equals(second)) { err.println("punch: A and B must be two different peers"); return 2; }
        List<String> names = new ArrayList<>();
        for (String ref : impls) {
            String name = carriedName(ref, s.get());
            if (name == null) {
                err.println("punch: --impl " + Printable.escape(ref) + ": lab " + s.get().name() + " does not carry it; it carries "
                    + String.join(", ", s.get().implementations()) + " (start it with 'nat-lab up FILE --impl " + Printable.escape(ref) + "')");
                return 2;
            }
            names.add(name);
        }
        if (!s.get().ownerAlive()) {
            err.println("punch: the lab's 'nat-lab up' process (pid " + s.get().pid() + ") is gone; 'nat-lab down' cleans up");
            return 1;
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("cmd", "punch");
        request.put("first", first);
        request.put("second", second);
        request.put("firstImpl", names.isEmpty() ? "" : names.get(0));
        request.put("secondImpl", names.isEmpty() ? "" : names.get(names.size() - 1));
        request.put("strategy", strategy);
        try {
            return ControlClient.request(Path.of(s.get().socket()), request, out);
        } catch (IOException e) {
            err.println("punch: cannot reach the lab's 'nat-lab up' process at " + s.get().socket() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The name of {@code ref} (a name or an implementation directory) when the lab carries it, else null. */
    private static String carriedName(String ref, LabState s) {
        if (s.implementations().contains(ref)) return ref;
        try {
            String name = io.natlab.impl.ImplementationLoader.load(ref).name();
            return s.implementations().contains(name) ? name : null;
        } catch (RuntimeException e) { // ValidationException included: not a carried implementation
            return null;
        }
    }
}
