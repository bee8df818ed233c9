package io.natlab.report;

import io.natlab.punch.Outcome;
import io.natlab.result.PairResult;
import io.natlab.result.ScenarioResult;
import io.natlab.result.TrialResult;
import io.natlab.result.Verdict;
import io.natlab.scenario.run.Progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Plain progress lines, one per event, each prefixed with the run's elapsed time and the scenario name, so the
 * output still reads when scenarios run in parallel and when it lands in a CI log:
 * <pre>
 * [00:00] scenario 3/27 prc-x-prc
 * [00:03] prc-x-prc: lab up in 2.4 s
 * [00:05] prc-x-prc: alice → bob listen-connect trial 1/5 ✔ 12 ms
 * [00:09] prc-x-prc: alice → bob listen-connect trial 2/5 ✘ over budget: direct in 3.2 s
 * [00:15] prc-x-prc: alice → bob listen-connect trial 3/5 ✘ failed: no authenticated stream to bob within the…
 * [00:17] prc-x-prc: alice → bob listen-connect ✔ pass: 5/5 direct (95% CI 57–100%), p50 12 ms
 * [00:30] ✔ prc-x-prc done in 29.8 s: 2/2 pairs pass
 * </pre>
 * Failure reasons are shortened at a word boundary; a shortened one is logged whole (natlab.log).
 * Colour (ANSI) only when asked for, see {@link ConsoleOut#colourAllowed()}.
 */
public final class ConsoleProgress implements Progress {
    /** Failure reasons are shortened to this on the console; the log file keeps them whole. */
    static final int REASON_CHARS = 90;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProgress.class);
    private static final String GREEN = "\u001b[32m", RED = "\u001b[31m", YELLOW = "\u001b[33m", RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean colour;
    private final LongSupplier nanoTime;
    private long startNanos;

    public ConsoleProgress(PrintStream out, boolean colour, LongSupplier nanoTime) {
        this.out = out;
        this.colour = colour;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** Standard output, UTF-8, colour only on an interactive terminal outside CI. */
    public static ConsoleProgress standard() {
        return new ConsoleProgress(ConsoleOut.stdout(), ConsoleOut.colourAllowed(), System::nanoTime);
    }

    @Override public synchronized void runStarted(int scenarios) {
        startNanos = nanoTime.getAsLong();
        line("running " + scenarios + " scenario" + (scenarios == 1 ? "" : "s"));
    }

    @Override public synchronized void scenarioStarted(String scenario, int index, int total) {
        line("scenario " + index + "/" + total + " " + scenario);
    }

    @Override public synchronized void labStarted(String scenario, double labStartMs) {
        line(scenario + ": " + (labStartMs <= 0 ? "lab reused" : "lab up in " + Format.duration(labStartMs)));
    }

    @Override public synchronized void labClassified(String scenario, double classifyMs, java.util.List<String> problems) {
        if (problems.isEmpty()) {
            line(scenario + ": lab classified in " + Format.duration(classifyMs) + ", every measured NAT property as claimed");
            return;
        }
        line(scenario + ": " + yellow(Format.WARN + " lab fidelity") + " (classified in " + Format.duration(classifyMs) + "):");
        problems.forEach(p -> line(scenario + ":   " + p));
    }

    @Override public synchronized void trialDone(String scenario, String first, String second, String strategy,
                                                 TrialResult trial, int trials) {
        String outcome;
        String what = scenario + ": " + first + " → " + second + " " + strategy + " trial " + trial.index() + "/" + trials;
        if (trial.success()) outcome = green(Format.DIRECT) + " " + Format.ms(trial.timeToPunchMs());
        // Over budget counts as a failed trial, so it is marked as one.
        else if (trial.outcome() == Outcome.DIRECT) outcome = red(Format.FAILED) + " over budget: direct in " + Format.ms(trial.timeToPunchMs());
        else {
            outcome = red(Format.FAILED) + " failed";
            if (trial.error() != null) {
                String shown = shorten(trial.error(), REASON_CHARS);
                outcome += ": " + shown;
                if (!shown.equals(oneLine(trial.error()))) LOG.info("{} failed: {}", what, trial.error()); // the full reason
            }
        }
        line(what + " " + outcome);
    }

    @Override public synchronized void pairDone(String scenario, PairResult p) {
        boolean pass = p.verdict() == Verdict.PASS;
        String mark = pass ? green(Format.DIRECT + " pass") : red(Format.WARN + " " + Format.verdict(p.verdict()));
        StringBuilder s = new StringBuilder(scenario).append(": ").append(Format.pairName(p)).append(' ')
                .append(p.strategy()).append(p.conditions().skewMs() > 0 ? " skew " + p.conditions().skewMs() + " ms" : "")
                .append(' ').append(mark).append(": ")
                .append(Format.success(p.successes(), p.trials(), p.wilsonLow(), p.wilsonHigh()).replaceFirst(" \\(", " direct ("));
        if (p.p50Ms() != null) s.append(", p50 ").append(Format.ms(p.p50Ms()));
        s.append(", expected ").append(Format.outcome(p.expected()));
        if (p.stability() != null && p.stability().severity() > 0) s.append(", ").append(p.stability().label().toUpperCase(java.util.Locale.ROOT));
        if (p.control() != null && p.control().open()) s.append(", open (the control connected: no punch needed)");
        if (!pass && p.diagnostics() != null) s.append(", diagnostics ").append(p.diagnostics());
        line(s.toString());
    }

    @Override public synchronized void scenarioDone(ScenarioResult r) {
        if (r.error() != null) {
            line(red(Format.FAILED) + " " + r.name() + " error: " + r.error());
            return;
        }
        long pass = r.pairs().stream().filter(p -> p.verdict() == Verdict.PASS).count();
        line((r.passed() ? green(Format.DIRECT) : red(Format.FAILED)) + " " + r.name() + " done in "
                + Format.duration(r.wallMs()) + ": " + pass + "/" + r.pairs().size() + " pairs pass");
    }

    private void line(String text) {
        long s = Math.max(0, (nanoTime.getAsLong() - startNanos) / 1_000_000_000L);
        out.println(String.format(Locale.ROOT, "[%02d:%02d] ", s / 60, s % 60) + text);
        out.flush();
    }

    /**
     * One line of at most {@code max} characters, cut at a word boundary (a single word longer than half of it is
     * cut inside), with "…" where text was dropped.
     */
    static String shorten(String s, int max) {
        String one = oneLine(s);
        if (one.length() <= max) return one;
        int cut = one.lastIndexOf(' ', max - 2);
        if (cut < max / 2) cut = max - 1;
        return one.substring(0, cut).stripTrailing() + "…";
    }

    private static String oneLine(String s) { return s.replaceAll("\\s*\\n\\s*", " ").strip(); }

    private String green(String s) { return colour ? GREEN + s + RESET : s; }
    private String red(String s) { return colour ? RED + s + RESET : s; }
    private String yellow(String s) { return colour ? YELLOW + s + RESET : s; }
}
