package io.natlab.scenario.run;

import java.nio.file.Path;

/**
 * How a run is set up.
 *
 * @param reportDir      where results and diagnostics go
 * @param trialsOverride trials per pair instead of each scenario's own, or null
 * @param punchJar       the punch-core CLI jar the peer image carries
 * @param dockerDir      the repository's {@code docker/} directory (image build contexts)
 * @param repoRoot       repository root (rerun commands run from there)
 */
public record RunOptions(Path reportDir, Integer trialsOverride, Path punchJar, Path dockerDir, Path repoRoot) {}
