package io.natlab.shard;

import io.natlab.result.RunResult;
import io.natlab.result.ScenarioResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the results of several shards into one run, as if one machine had run them all: every scenario once
 * (a scenario in two shards is an error, never silently doubled), ordered by name, the earliest start, and the
 * longest shard's wall time (shards run side by side).
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** {@code labels} name each shard in messages (its directory), in the same order as {@code shards}. */
    public static RunResult merge(List<RunResult> shards, List<String> labels) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: give at least one shard's report directory");
        }
        Map<String, String> seenIn = new HashMap<>();
        List<ScenarioResult> all = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        String startedAt = null;
        double wallMs = 0;
        for (int i = 0; i < shards.size(); i++) {
            RunResult shard = shards.get(i);
            String label = labels.get(i);
            if (shard.schemaVersion() != RunResult.SCHEMA_VERSION) {
                throw new IllegalArgumentException(label + ": results.json schema version " + shard.schemaVersion()
                        + ", this nat-lab reads version " + RunResult.SCHEMA_VERSION);
            }
            for (ScenarioResult s : shard.scenarios()) {
                String earlier = seenIn.putIfAbsent(s.name(), label);
                if (earlier != null) {
                    throw new IllegalArgumentException("scenario '" + s.name() + "' is in both " + earlier + " and "
                            + label + ": were the shards cut from the same suite with the same N?");
                }
                all.add(s);
            }
            if (shard.host() != null) {
                hosts.add(shard.host());
            }
            if (startedAt == null || (shard.startedAt() != null && shard.startedAt().compareTo(startedAt) < 0)) {
                startedAt = shard.startedAt();
            }
            wallMs = Math.max(wallMs, shard.wallMs());
        }
        all.sort(Comparator.comparing(ScenarioResult::name));
        return new RunResult(RunResult.SCHEMA_VERSION, startedAt, wallMs, String.join(" | ", hosts), List.copyOf(all));
    }
}
