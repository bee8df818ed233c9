package io.natlab.scenario.run;

import io.natlab.impl.Implementation;
import io.natlab.scenario.ProcessMode;
import java.util.List;

import java.nio.file.Path;

/**
 * How a run is set up (the lab's own options, images and punch.jar, go to the {@link LabFactory}).
 *
 * @param reportDir      where results and diagnostics go
 * @param trialsOverride trials per pair instead of each scenario's own, or null
 * @param repoRoot       repository root (rerun commands run from there)
 * @param classify       measure every lab's NAT paths once after it starts (about 4 s per lab) so results show
 *                       what the lab really did; off trades that evidence for speed
 * @param implementationsOverride implementations under test instead of each scenario's own, or null
 * @param repeat         flake hunting: each pair runs this many times its trials (after the override), merged into
 *                       one result per pair; 1 = as written
 * @param processOverride how clients run instead of each scenario's own {@code process}, or null
 */
public record RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot, boolean classify,
                         List<Implementation> implementationsOverride, int repeat, ProcessMode processOverride) {
    public static final int MAX_REPEAT = 1000;

    public RunOptions {
        implementationsOverride = implementationsOverride == null || implementationsOverride.isEmpty() ? null
            : List.copyOf(implementationsOverride);
        if (repeat < 1 || repeat > MAX_REPEAT)
            throw new IllegalArgumentException("repeat must be 1.." + MAX_REPEAT + ", got " + repeat);
    }

    public RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot, boolean classify,
                      List<Implementation> implementationsOverride, int repeat) {
        this(reportDir, trialsOverride, repoRoot, classify, implementationsOverride, repeat, null);
    }

    public RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot, boolean classify,
                      List<Implementation> implementationsOverride) {
        this(reportDir, trialsOverride, repoRoot, classify, implementationsOverride, 1);
    }

    /** These options with each pair's trials multiplied by {@code n}. */
    public RunOptions withRepeat(int n) {
        return new RunOptions(reportDir, trialsOverride, repoRoot, classify, implementationsOverride, n, processOverride);
    }

    /** The same options with every scenario's clients run {@code mode} (null: each scenario's own). */
    public RunOptions withProcess(ProcessMode mode) {
        return new RunOptions(reportDir, trialsOverride, repoRoot, classify, implementationsOverride, repeat, mode);
    }

    public RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot, boolean classify) {
        this(reportDir, trialsOverride, repoRoot, classify, null);
    }

    /** Classification on (the default). */
    public RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot) {
        this(reportDir, trialsOverride, repoRoot, true);
    }
}
