package io.natlab.cli;

import io.natlab.impl.Implementation;
import io.natlab.interactive.ControlServer;
import io.natlab.interactive.HostListing;
import io.natlab.interactive.InteractiveLab;
import io.natlab.interactive.LabState;
import io.natlab.interactive.StateDir;
import io.natlab.lab.DockerAvailability;
import io.natlab.lab.DockerLab;
import io.natlab.lab.LabOptions;
import io.natlab.lab.LabStartException;
import io.natlab.lab.LabTeardown;
import io.natlab.punch.Printable;
import io.natlab.punch.Strategy;
import io.natlab.report.LogSetup;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import io.natlab.topology.Topology;
import io.natlab.topology.yaml.TopologyLoader;
import io.natlab.yaml.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code nat-lab up FILE [--impl X]...}: starts the lab of a scenario or topology file, prints its hosts and how to
 * reach them, writes the state the other commands read, and stays up until Ctrl-C or {@code nat-lab down}.
 */
@Command(name = "up", mixinStandardHelpOptions = true, version = "nat-lab 0.1.0",
    description = "Start the lab of a scenario or topology file and keep it up for exec, punch and down (Ctrl-C removes it).")
public final class UpCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file, or a topology-only file.")
    Path file;

    @Option(names = "--impl", paramLabel = "IMPL",
        description = "Also carry this implementation in the peers, for 'nat-lab punch --impl' (repeatable; the file's own are carried too).")
    List<String> impls = new ArrayList<>();

    @Option(names = "--evidence", paramLabel = "DIR",
        description = "Where 'nat-lab punch' writes captures and logs (default: nat-lab/target/natlab-up in the "
            + "repository, natlab-up in the current directory outside one).")
    Path evidenceDir;

    @CommandLine.Mixin LabLocation location = new LabLocation();

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        String problem = InputFiles.problem(file);
        if (problem != null) { err.println(InputFiles.line("up", file, problem)); return 2; }
        Scenario scenario;
        try {
            scenario = load(file);
        } catch (ValidationException e) {
            err.println("up: " + e.getMessage());
            return 1;
        }
        LabInputs inputs = new LabInputs();
        List<Implementation> carried = new ArrayList<>(scenario.implementations());
        for (String ref : impls) {
            Implementation i = inputs.implementation("--impl", ref);
            if (i != null && carried.stream().noneMatch(o -> o.name().equals(i.name()))) carried.add(i);
        }
        if (carried.stream().noneMatch(Implementation::builtIn)) carried.add(0, Implementation.PUNCH_CORE);
        LabOptions options = inputs.options(location);
        Path evidence = (evidenceDir != null ? evidenceDir : inputs.defaultDir("natlab-up")).toAbsolutePath().normalize();
        String evidenceProblem = ReportDirectory.prepare(evidence, evidenceDir != null);
        if (evidenceProblem != null) inputs.problems.add("--evidence " + Printable.escape(evidence.toString()) + ": " + evidenceProblem);
        if (!inputs.problems.isEmpty()) {
            inputs.problems.forEach(p -> err.println("up: " + p));
            return 2;
        }
        Path dir = StateDir.resolve();
        StateDir.create(dir);
        String log = LogSetup.toFile(evidence.resolve("natlab.log"));
        Optional<LabState> existing = readState(dir, err);
        if (existing.isPresent() && existing.get().ownerAlive()) {
            err.println("up: lab " + existing.get().name() + " is already up (pid " + existing.get().pid() + ", state "
                + StateDir.stateFile(dir) + "); run 'nat-lab down' first");
            return 1;
        }
        try {
            var docker = DockerAvailability.client();
            if (existing.isPresent()) { // its 'up' was killed: remove what it left
                LabTeardown.remove(docker, existing.get().labId());
                Files.deleteIfExists(StateDir.stateFile(dir));
            }
        } catch (LabStartException e) {
            err.println("up: " + e.getMessage() + "; details: " + log);
            return 1;
        }
        out.println("up: starting lab " + scenario.topology().name() + " from " + file);
        out.flush();
        DockerLab lab;
        try {
            lab = DockerLab.start(scenario.topology(), options.withImplementations(carried));
        } catch (LabStartException e) {
            err.println("up: " + e.getMessage() + "; details: " + log);
            return 1;
        }
        Path stateFile = StateDir.stateFile(dir);
        try (InteractiveLab session = new InteractiveLab(lab, scenario, carried, evidence,
                 inputs.root.orElse(Path.of("").toAbsolutePath()), StateDir.socket(dir));
             ControlServer control = new ControlServer(StateDir.socket(dir), session)) {
            session.state().write(stateFile);
            Thread forget = new Thread(() -> forget(stateFile, session.state().labId()), "natlab-up-state");
            Runtime.getRuntime().addShutdownHook(forget); // Ctrl-C: the lab removes itself, the state goes with it
            HostListing.render(session.state(), launcher()).forEach(out::println);
            out.println("up: state in " + stateFile + "; Ctrl-C or 'nat-lab down' removes the lab");
            out.flush();
            session.awaitDown();
            forget(stateFile, session.state().labId());
            try { Runtime.getRuntime().removeShutdownHook(forget); } catch (IllegalStateException shuttingDown) { /* fine */ }
        }
        out.println("up: lab removed");
        return 0;
    }

    /** How this nat-lab was started: {@code java -jar JAR} from a jar, else plain {@code nat-lab}. */
    private static String launcher() {
        try {
            Path self = Path.of(UpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (self.toString().endsWith(".jar")) return "java -jar " + self.toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException | RuntimeException ignored) { /* not from a file */ }
        return "nat-lab";
    }

    /** A scenario file, or a topology-only file (then trials use the scenario defaults). */
    static Scenario load(Path file) throws ValidationException {
        try {
            return ScenarioLoader.load(file);
        } catch (ValidationException asScenario) {
            Topology t;
            try {
                t = TopologyLoader.load(file);
            } catch (ValidationException asTopology) {
                throw asScenario;
            }
            return new Scenario(t.name(), "interactive lab", file, t, List.of(), List.of(Strategy.LISTEN_CONNECT),
                Duration.ofSeconds(3), Duration.ofSeconds(6), 1, 1.0, 65536);
        }
    }

    static Optional<LabState> readState(Path dir, PrintWriter err) {
        try {
            return LabState.read(StateDir.stateFile(dir));
        } catch (IOException e) {
            err.println("nat-lab: ignoring an unreadable state file " + StateDir.stateFile(dir) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Deletes the state file if it is still this lab's. */
    private static void forget(Path stateFile, String labId) {
        try {
            Optional<LabState> s = LabState.read(stateFile);
            if (s.isPresent() && s.get().labId().equals(labId)) Files.deleteIfExists(stateFile);
        } catch (IOException ignored) { /* best effort at exit */ }
    }
}
