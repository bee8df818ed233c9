package io.natlab.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natlab.shard.ShardPlanner.Item;
import io.natlab.shard.ShardPlanner.Shard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardPlannerTest {
    private static final List<Item> SUITE = List.of(new Item("matrix-drop.yaml", 120), new Item("prc-rst.yaml", 60),
            new Item("prc-icmp.yaml", 40), new Item("cgn.yaml", 35), new Item("hairpin.yaml", 20),
            new Item("loss.yaml", 30), new Item("seq.yaml", 10));

    @Test
    void everyItemLandsInExactlyOneShardAndLoadsAreBalanced() {
        List<Shard> shards = ShardPlanner.plan(SUITE, 3);
        List<String> all = new ArrayList<>();
        shards.forEach(s -> s.items().forEach(i -> all.add(i.name())));
        assertThat(all).containsExactlyInAnyOrderElementsOf(SUITE.stream().map(Item::name).toList());
        double max = shards.stream().mapToDouble(Shard::costSeconds).max().orElseThrow();
        assertThat(max).isLessThanOrEqualTo(120); // the biggest item alone bounds it
        assertThat(shards.get(0).items()).extracting(Item::name).containsExactly("matrix-drop.yaml");
    }

    @Test
    void thePlanDoesNotDependOnInputOrder() {
        List<Item> shuffled = new ArrayList<>(SUITE);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(ShardPlanner.plan(shuffled, 3)).isEqualTo(ShardPlanner.plan(SUITE, 3));
        assertThat(ShardPlanner.select(shuffled, new ShardSpec(2, 3))).isEqualTo(ShardPlanner.plan(SUITE, 3).get(1).items());
    }

    @Test
    void moreShardsThanItemsLeavesSomeEmpty() {
        assertThat(ShardPlanner.plan(List.of(new Item("a", 1)), 3)).extracting(s -> s.items().size())
                .containsExactly(1, 0, 0);
    }

    @Test
    void specParsingNamesTheSource() {
        assertThat(ShardPlanner.select(SUITE, ShardSpec.all())).hasSize(SUITE.size());
        assertThat(ShardSpec.parse(" 2/4 ", "--shard")).isEqualTo(new ShardSpec(2, 4));
        assertThatThrownBy(() -> ShardSpec.parse("0/3", "--shard")).hasMessage("--shard: shard 0/3 does not exist; i must be within 1..3");
        assertThatThrownBy(() -> ShardSpec.parse("4/3", "natlab.shard")).hasMessageStartingWith("natlab.shard: shard 4/3");
        assertThatThrownBy(() -> ShardSpec.parse("a/b; rm -rf /", "--shard")).hasMessageContaining("is not a shard");
        assertThatThrownBy(() -> new Item("x", Double.NaN)).hasMessageContaining("finite");
    }
}
