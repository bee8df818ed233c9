package io.natlab.scenario.run.evidence;

import io.natlab.scenario.run.PairPlan;
import io.natlab.scenario.run.TrialAllocator;
import io.natlab.scenario.run.cli.RerunCommand;
import io.natlab.scenario.run.verdict.ClientRun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.natlab.lab.Lab;
import io.natlab.punch.Printable;
import io.natlab.lab.RouterHost;
import io.natlab.result.TrialResult;
import io.natlab.scenario.Punch;
import io.natlab.scenario.Scenario;
import io.natlab.topology.Site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the evidence of a trial that failed or did not do what was expected, under
 * {@code <reportDir>/<scenario>/<first-second-strategy>/trial-N/}: the resolved scenario, router rulesets, state
 * before and after, WAN captures, both clients' output, the rendezvous log, and a rerun script.
 */
public final class Diagnostics {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .registerModule(io.natlab.result.PunchEnumsJson.module());

    private final Path reportDir;
    private final Path repoRoot;

    public Diagnostics(Path reportDir, Path repoRoot) {
        this.reportDir = reportDir;
        this.repoRoot = repoRoot;
    }

    /** Removes a scenario's diagnostics left by an earlier run, so the directory only ever shows this run's. */
    public void clearScenario(String scenarioName) {
        Path dir = reportDir.resolve(safe(scenarioName));
        if (!Files.isDirectory(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear old diagnostics in " + dir, e);
        }
    }

    /** The trial's directory, relative to the report directory. */
    public String trialDir(Scenario s, PairPlan plan, int index) {
        return pairDir(s, plan) + "/trial-" + index;
    }

    public static String pairDir(Scenario s, PairPlan plan) {
        return safe(s.name()) + "/" + safe(plan.slug());
    }

    public void writeTrial(Lab lab, Scenario s, PairPlan plan, TrialResult trial, TrialAllocator.Allocation alloc,
                    List<ClientRun> clients, List<RouterCapture> captures, List<String> captureProblems) {
        Path dir = reportDir.resolve(trial.diagnostics());
        try {
            Files.createDirectories(dir);
            write(dir.resolve("README.txt"), readme(s, plan, trial, alloc, captureProblems));
            write(dir.resolve("scenario-resolved.json"), JSON.writeValueAsString(resolved(lab, s)));
            if (s.source() != null && Files.isRegularFile(s.source()))
                Files.copy(s.source(), dir.resolve("scenario.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            write(dir.resolve("trial.json"), JSON.writeValueAsString(Map.of("trial", trial, "plan", planMap(plan),
                "allocation", alloc)));
            for (ClientRun c : clients) {
                write(dir.resolve(c.peer() + "-command.txt"), c.command() + "\n");
                write(dir.resolve(c.peer() + "-result.json"), JSON.writeValueAsString(c.report()));
                if (c.exec() != null) {
                    write(dir.resolve(c.peer() + "-stdout.txt"), c.exec().stdout());
                    write(dir.resolve(c.peer() + "-stderr.log"), c.exec().stderr());
                }
            }
            for (RouterCapture c : captures) {
                RouterHost r = c.router();
                write(dir.resolve(r.name() + "-applied-rules.sh"), r.appliedRules());
                c.copyOut(dir);
            }
            write(dir.resolve("rendezvous.log"), lab.rendezvous().logs());
            Path rerun = dir.resolve("rerun.sh");
            write(rerun, RerunCommand.script(s.source(), repoRoot));
            rerun.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write diagnostics to " + dir, e);
        }
    }

    private static String readme(Scenario s, PairPlan plan, TrialResult t, TrialAllocator.Allocation a, List<String> problems) {
        StringBuilder b = new StringBuilder()
            .append("scenario: ").append(s.name()).append(" (").append(Printable.escape(String.valueOf(s.source()))).append(")\n")
            .append("pair: ").append(plan.displayName()).append('\n')
            .append("expected: ").append(plan.expected().outcome().yamlName()).append(" [").append(plan.expected().ruleId())
            .append("] ").append(plan.expected().reason()).append('\n')
            .append("observed: ").append(t.outcome().wireName()).append(t.success() ? "" : " (not a success)")
            .append(t.error() == null ? "" : ": " + t.error()).append('\n')
            .append("stopped at: ").append(t.failedAt() == null ? "-" : t.failedAt().jsonName()).append('\n')
            .append("phases ms (slower client): ").append(t.phases() == null ? "-" : "registration " + t.phases().registrationMs()
                + ", punch " + t.phases().punchMs() + ", stream " + t.phases().streamMs()).append('\n')
            .append("ids: ").append(a.firstId()).append(" port ").append(a.firstPort()).append(", ")
            .append(a.secondId()).append(" port ").append(a.secondPort()).append('\n')
            .append("files: <router>-before/after.txt = rules, counters, conntrack; <router>-wan.pcap = WAN capture "
                + "(tcpdump -r); <peer>-stdout/stderr = client output; rerun.sh reruns the scenario\n");
        problems.forEach(p -> b.append("capture problem: ").append(p).append('\n'));
        return b.toString();
    }

    private static Map<String, Object> planMap(PairPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", p.first());
        m.put("second", p.second());
        m.put("strategy", p.strategy().wireName());
        m.put("declared", p.declared().yamlName());
        m.put("expected", p.expected().outcome().yamlName());
        m.put("rule", p.expected().ruleId());
        m.put("reason", p.expected().reason());
        m.put("firstNat", p.firstNat());
        m.put("secondNat", p.secondNat());
        m.put("unsolicited", p.unsolicited());
        return m;
    }

    /** The scenario with every default filled in and the subnets the lab actually chose. */
    public static Map<String, Object> resolved(Lab lab, Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("file", String.valueOf(s.source()));
        m.put("internet", String.valueOf(lab.subnets().get("internet")));
        m.put("publicPeers", s.topology().publicPeers());
        m.put("rendezvous", Map.of("site", String.valueOf(s.topology().rendezvous().site()),
            "port", s.topology().rendezvous().port(), "endpoint", lab.rendezvousEndpoint()));
        m.put("sites", s.topology().sites().stream().map(site -> siteMap(lab, site)).toList());
        m.put("punches", s.punches().stream().map(Diagnostics::punchMap).toList());
        m.put("strategies", s.strategies().stream().map(st -> st.wireName()).toList());
        m.put("budgetMs", s.budget().toMillis());
        m.put("timeoutMs", s.timeout().toMillis());
        m.put("trials", s.trials());
        m.put("minSuccessRate", s.minSuccessRate());
        m.put("echoBytes", s.echoBytes());
        return m;
    }

    private static Map<String, Object> siteMap(Lab lab, Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("nat", s.preset().yamlName());
        m.put("mapping", s.nat().mapping().yamlName());
        m.put("port-assignment", s.nat().portAssignment().yamlName());
        m.put("port-delta", s.nat().portDelta());
        m.put("filtering", s.nat().filtering().yamlName());
        m.put("unsolicited", s.router().unsolicited().yamlName());
        m.put("hairpin", s.router().hairpin());
        m.put("loss", s.router().lossPercent());
        m.put("conntrack-timeouts", s.router().conntrackTimeouts());
        m.put("lan", String.valueOf(lab.subnets().getOrDefault(s.name(), s.lan())));
        m.put("behind", s.behind());
        m.put("peers", s.peers());
        return m;
    }

    private static Map<String, Object> punchMap(Punch p) {
        return Map.of("peers", List.of(p.a(), p.b()), "expect", p.expect().yamlName(), "both-orders", p.bothOrders());
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text == null ? "" : text, StandardCharsets.UTF_8);
    }

    /** File-name-safe version of a name. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

}
