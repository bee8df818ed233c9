package io.natlab.scenario.yaml;

import io.natlab.yaml.MappingReader;
import io.natlab.yaml.Scalars;
import io.natlab.yaml.YamlList;
import io.natlab.yaml.YamlNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code skew: [0ms, 50ms, 200ms, 1s]}: start skews, each a duration 0..60 s in whole milliseconds (the rendezvous
 * server's {@code --start-delays} range), listed once each. Empty when the key is absent.
 */
final class SkewReader {
    private SkewReader() {}

    static final Duration MAX = Duration.ofSeconds(60);

    static List<Duration> read(MappingReader m) {
        Optional<YamlList> list = m.list("skew");
        List<Duration> out = new ArrayList<>();
        if (list.isEmpty()) return out;
        if (list.get().items().isEmpty()) m.error("skew", "needs at least one duration, e.g. [0ms, 200ms] (or leave it out)");
        for (int i = 0; i < list.get().items().size(); i++) {
            YamlNode item = list.get().items().get(i);
            String path = m.path("skew") + "[" + i + "]";
            Optional<Duration> d = Scalars.duration(item, path, m.problems());
            if (d.isEmpty()) continue;
            Duration v = d.get();
            if (v.compareTo(MAX) > 0 || v.toNanos() % 1_000_000 != 0) {
                m.problems().add(item.where(), path, "must be whole milliseconds from 0ms to 60s, got " + v.toMillis() + " ms");
            } else if (out.contains(v)) {
                m.problems().add(item.where(), path, v.toMillis() + " ms is listed twice");
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
