package io.natlab.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Splits work items into N shards of about equal cost: longest item first onto the least loaded shard (LPT,
 * at most 4/3 of the optimum). Ties break by name, so the split depends only on the items and their costs,
 * never on file-system order: every machine of a CI matrix computes the same plan.
 */
public final class ShardPlanner {

    /** One unit of work (a scenario file) and its estimated or measured cost in seconds. */
    public record Item(String name, double costSeconds) {
        public Item {
            Objects.requireNonNull(name, "name");
            if (!(costSeconds >= 0) || Double.isInfinite(costSeconds)) {
                throw new IllegalArgumentException(name + ": cost must be a finite number >= 0");
            }
        }
    }

    /** One shard's items (in name order) and their summed cost. */
    public record Shard(int index, List<Item> items, double costSeconds) {
    }

    private ShardPlanner() {
    }

    public static List<Shard> plan(List<Item> items, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be >= 1: " + count);
        }
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(Item::costSeconds).reversed().thenComparing(Item::name));
        List<List<Item>> bins = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
        }
        for (Item item : sorted) {
            int target = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[target]) {
                    target = i;
                }
            }
            bins.get(target).add(item);
            load[target] += item.costSeconds();
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Item> bin = bins.get(i);
            bin.sort(Comparator.comparing(Item::name));
            shards.add(new Shard(i + 1, List.copyOf(bin), load[i]));
        }
        return shards;
    }

    /** The items of one shard. */
    public static List<Item> select(List<Item> items, ShardSpec spec) {
        return plan(items, spec.count()).get(spec.index() - 1).items();
    }
}
