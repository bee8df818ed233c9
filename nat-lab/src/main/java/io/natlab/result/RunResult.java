package io.natlab.result;

import java.util.List;

/**
 * A whole run (what results.json holds).
 *
 * @param schemaVersion results.json format version
 * @param startedAt     ISO-8601 start time
 * @param wallMs        wall time of the run
 * @param host          short host description (cores, kernel, docker version)
 * @param scenarios     every scenario
 */
public record RunResult(int schemaVersion, String startedAt, double wallMs, String host, List<ScenarioResult> scenarios) {
    public static final int SCHEMA_VERSION = 1;
}
