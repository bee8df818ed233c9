package io.natlab.conformance;

import io.natlab.impl.ContractCheck;
import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;
import io.natlab.lab.ExecResult;
import io.natlab.scenario.run.verdict.ClientReport;
import io.natlab.scenario.run.verdict.ClientRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The conformance checks, in order: punch as the first and as the second peer against punch-core, the echo both
 * ways, giving up cleanly within the deadline when the peer never shows up, and refusing a wrong token cleanly.
 * Every process's output goes through {@link ContractCheck}; a check never throws (a lab failure is a FAIL line).
 */
public final class ConformanceBattery {
    /** Deadline of the runs without a peer: short, so the battery stays quick. */
    static final Duration ALONE_TIMEOUT = Duration.ofMillis(3000);
    /** How long past deadline + slack the runner waits before killing a run that ignores its deadline. */
    static final Duration KILL_GRACE = Duration.ofSeconds(3);
    /** A peer that gives up before this share of its deadline did not wait for its peer. */
    static final double MIN_WAIT_SHARE = 0.5;

    private final ConformanceLab lab;
    /** Runs alone so far: each gets its own ids and local port (no clash with a killed run's leftovers). */
    private int alone;

    public ConformanceBattery(ConformanceLab lab) {
        this.lab = lab;
    }

    /** Runs every check on {@code impl}, handing each result to {@code out} as it is known. */
    public List<CheckResult> run(Implementation impl, Consumer<CheckResult> out) {
        List<CheckResult> results = new ArrayList<>();
        List<ConformanceLab.Punch> punches = new ArrayList<>();
        Consumer<CheckResult> record = r -> { results.add(r); out.accept(r); };
        record.accept(guarded("punch-as-first", () -> punch(impl, true, punches)));
        record.accept(guarded("punch-as-second", () -> punch(impl, false, punches)));
        record.accept(echo(punches));
        record.accept(guarded("absent-peer", () -> absentPeer(impl)));
        record.accept(guarded("wrong-token", () -> wrongToken(impl)));
        return results;
    }

    private CheckResult punch(Implementation impl, boolean first, List<ConformanceLab.Punch> punches) {
        String name = first ? "punch-as-first" : "punch-as-second";
        ConformanceLab.Punch p = lab.punch(impl, first);
        punches.add(p);
        String where = p.evidence() == null ? "" : " (evidence: " + p.evidence() + ")";
        ClientRun c = p.impl();
        if (c.exec() == null) return CheckResult.fail(name, "was not started: " + c.report().error() + where);
        if (c.stopped())
            return CheckResult.fail(name, "punch-core failed first (" + p.counterpart().report().error()
                + "), so the runner stopped it" + where);
        List<String> violations = ContractCheck.violations(process(c.exec(), c.timeout()));
        if (!violations.isEmpty()) return CheckResult.fail(name, String.join("; ", violations) + where);
        ClientReport r = c.report();
        if (!r.direct()) return CheckResult.fail(name, "outcome failed: " + r.error() + "; punch-core: "
            + describe(p.counterpart().report()) + where);
        if (!p.counterpart().report().direct())
            return CheckResult.fail(name, "it reported direct but punch-core failed: " + p.counterpart().report().error() + where);
        return CheckResult.pass(name, "direct via " + r.method() + " in " + ms(r.elapsedMs()) + " against punch-core ("
            + (first ? "registered first" : "registered second") + ")");
    }

    private CheckResult echo(List<ConformanceLab.Punch> punches) {
        int want = lab.echoBytes();
        List<ConformanceLab.Punch> direct = punches.stream()
            .filter(p -> p.impl().report().direct() && p.counterpart().report().direct()).toList();
        if (direct.isEmpty()) return CheckResult.fail("echo", "no trial punched, so the echo could not be checked");
        for (ConformanceLab.Punch p : direct) {
            long got = p.impl().report().bytesVerified(), theirs = p.counterpart().report().bytesVerified();
            if (got != want)
                return CheckResult.fail("echo", "bytesVerified " + got + " but punch-core sent " + want + " echo bytes");
            if (theirs != want)
                return CheckResult.fail("echo", "punch-core verified " + theirs + " of the " + want
                    + " echo bytes it expected: the bytes sent differ from the contract's SplitMix64 stream or stop short");
        }
        return CheckResult.pass("echo", want + " bytes verified each way in " + direct.size() + " trial(s)");
    }

    private CheckResult absentPeer(Implementation impl) {
        int n = ++alone;
        PeerContract c = new PeerContract(lab.server(), "conf-alone-" + n, "conf-nobody-" + n, lab.token(), 50000 + n,
            ALONE_TIMEOUT, lab.echoBytes(), "listen-connect");
        ExecResult r = lab.alone(impl, c, limit());
        List<String> violations = new ArrayList<>(ContractCheck.violations(process(r, ALONE_TIMEOUT)));
        ClientReport report = ClientReport.parse(r.stdout(), r.exitCode());
        if (violations.isEmpty() && report.direct()) violations.add("outcome direct without any peer");
        if (violations.isEmpty() && r.took().toMillis() < ALONE_TIMEOUT.toMillis() * MIN_WAIT_SHARE)
            violations.add("gave up after " + r.took().toMillis() + " ms of its " + ALONE_TIMEOUT.toMillis()
                + " ms deadline: it must wait for the peer until the deadline");
        if (!violations.isEmpty()) return CheckResult.fail("absent-peer", String.join("; ", violations));
        return CheckResult.pass("absent-peer", "failed cleanly (exit 1) after " + r.took().toMillis() + " ms (deadline "
            + ALONE_TIMEOUT.toMillis() + " ms): " + report.error());
    }

    private CheckResult wrongToken(Implementation impl) {
        int n = ++alone;
        PeerContract c = new PeerContract(lab.server(), "conf-token-" + n, "conf-nobody-" + n, lab.token() + "-wrong",
            50000 + n, ALONE_TIMEOUT, lab.echoBytes(), "listen-connect");
        ExecResult r = lab.alone(impl, c, limit());
        List<String> violations = new ArrayList<>(ContractCheck.violations(process(r, ALONE_TIMEOUT)));
        ClientReport report = ClientReport.parse(r.stdout(), r.exitCode());
        if (violations.isEmpty() && report.direct()) violations.add("outcome direct with a wrong token");
        if (violations.isEmpty() && (report.error() == null || !report.error().startsWith("rendezvous:")))
            violations.add("error must start with 'rendezvous:' when the server refuses it, got "
                + quote(String.valueOf(report.error())));
        if (!violations.isEmpty()) return CheckResult.fail("wrong-token", String.join("; ", violations));
        return CheckResult.pass("wrong-token", "failed cleanly (exit 1) in " + r.took().toMillis() + " ms: " + report.error());
    }

    private static Duration limit() {
        return ALONE_TIMEOUT.plusMillis(ContractCheck.DEADLINE_SLACK_MS).plus(KILL_GRACE);
    }

    private static ContractCheck.Process process(ExecResult r, Duration timeout) {
        return new ContractCheck.Process(r.stdout(), r.exitCode(), r.took().toMillis(), timeout.toMillis());
    }

    /** A check whose lab work throws becomes a FAIL line, never a stack trace. */
    private static CheckResult guarded(String name, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return CheckResult.fail(name, "could not run: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static String quote(String s) {
        String e = io.natlab.punch.Printable.escape(s);
        return "'" + (e.length() > 80 ? e.substring(0, 80) + "…" : e) + "'";
    }

    private static String describe(ClientReport r) {
        return r.direct() ? "direct" : "failed (" + r.error() + ")";
    }

    private static String ms(Double v) {
        return v == null ? "? ms" : String.format(java.util.Locale.ROOT, "%.0f ms", v);
    }
}
