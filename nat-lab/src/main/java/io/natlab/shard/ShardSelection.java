package io.natlab.shard;

import io.natlab.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks this shard's scenario files from a suite: every file is costed (measured wall time from an earlier run,
 * else an estimate from its contents; a file that does not load costs a lab start and still lands in exactly one
 * shard, where it fails as usual), then {@link ShardPlanner} splits them. Files are named by their path as given,
 * so machines that list the same paths compute the same split.
 */
public final class ShardSelection {
    private ShardSelection() {
    }

    public static List<Path> select(List<Path> files, ShardSpec spec, ShardCost cost) {
        if (spec.count() == 1) {
            return List.copyOf(files);
        }
        Map<String, Path> byName = files.stream().collect(Collectors.toMap(Path::toString, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
        List<ShardPlanner.Item> items = new ArrayList<>();
        for (Path f : byName.values()) {
            double seconds;
            try {
                seconds = cost.seconds(ScenarioLoader.load(f));
            } catch (RuntimeException e) { // invalid or unreadable: it fails fast wherever it runs
                seconds = ShardCost.LAB_START_SECONDS;
            }
            items.add(new ShardPlanner.Item(f.toString(), seconds));
        }
        return ShardPlanner.select(items, spec).stream().map(i -> byName.get(i.name())).toList();
    }
}
