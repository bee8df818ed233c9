package io.natlab.conformance;

import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;
import io.natlab.lab.DockerLab;
import io.natlab.lab.ExecResult;
import io.natlab.lab.LabOptions;
import io.natlab.punch.Strategy;
import io.natlab.scenario.Expectation;
import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import io.natlab.scenario.run.PairPlan;
import io.natlab.scenario.run.SingleTrial;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.yaml.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance lab: {@code conformance-lab.yaml} (the implementation on a port-restricted cone, punch-core on a
 * full cone, a rendezvous token), trials through the scenario runner's trial code ({@link SingleTrial}).
 */
public final class DockerConformanceLab implements ConformanceLab, AutoCloseable {
    static final String IMPL_PEER = "impl";
    static final String REF_PEER = "ref";
    private static final String RESOURCE = "conformance-lab.yaml";

    private final DockerLab lab;
    private final Scenario scenario;
    private final SingleTrial trials;

    private DockerConformanceLab(DockerLab lab, Scenario scenario, SingleTrial trials) {
        this.lab = lab;
        this.scenario = scenario;
        this.trials = trials;
    }

    /** Starts the lab with every implementation to check; evidence of failed trials goes under {@code reportDir}. */
    public static DockerConformanceLab start(LabOptions options, List<Implementation> impls, Path reportDir, Path repoRoot) {
        Scenario s = scenario();
        DockerLab lab = DockerLab.start(s.topology(), options.withImplementations(impls));
        return new DockerConformanceLab(lab, s, new SingleTrial(lab, s, reportDir, repoRoot));
    }

    /** The lab's scenario, from the resource beside this class. */
    static Scenario scenario() {
        try (InputStream in = DockerConformanceLab.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the nat-lab jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioLoader(ReservedRanges.forThisHost()).parse(Path.of("conformance.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the shipped " + RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    public double startMs() {
        Duration total = lab.startTimings().get("total");
        return total == null ? 0 : total.toMillis();
    }

    @Override public int echoBytes() { return scenario.echoBytes(); }
    @Override public String server() { return lab.rendezvousEndpoint(); }
    @Override public String token() { return scenario.topology().rendezvous().token(); }

    @Override public Punch punch(Implementation impl, boolean implFirst) {
        Implementation core = Implementation.PUNCH_CORE;
        PairPlan plan = implFirst
            ? PairPlan.of(scenario.topology(), IMPL_PEER, REF_PEER, Strategy.LISTEN_CONNECT, Expectation.DIRECT, impl, core)
            : PairPlan.of(scenario.topology(), REF_PEER, IMPL_PEER, Strategy.LISTEN_CONNECT, Expectation.DIRECT, core, impl);
        SingleTrial.Outcome o = trials.run(plan, false);
        return implFirst ? new Punch(o.first(), o.second(), o.evidence()) : new Punch(o.second(), o.first(), o.evidence());
    }

    @Override public ExecResult alone(Implementation impl, PeerContract contract, Duration limit) {
        lab.reset();
        List<String> argv = new ArrayList<>(contract.argv(impl));
        return lab.host(IMPL_PEER).exec(limit, argv.toArray(String[]::new));
    }

    @Override public void close() {
        trials.close();
        lab.close();
    }
}
