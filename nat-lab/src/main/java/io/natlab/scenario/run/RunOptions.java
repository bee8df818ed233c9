package io.natlab.scenario.run;

import java.nio.file.Path;

/**
 * How a run is set up (the lab's own options, images and punch.jar, go to the {@link LabFactory}).
 *
 * @param reportDir      where results and diagnostics go
 * @param trialsOverride trials per pair instead of each scenario's own, or null
 * @param repoRoot       repository root (rerun commands run from there)
 */
public record RunOptions(Path reportDir, Integer trialsOverride, Path repoRoot) {}
