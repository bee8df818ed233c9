package io.natlab.cli;

import io.natlab.scenario.run.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptWatchTest {
    @Test
    void progressFlowsUntilTheInterruptThenStopsAndOneLineSaysWhy() {
        List<String> seen = new ArrayList<>();
        Progress recorder = new Progress() {
            @Override public void scenarioStarted(String scenario, int index, int total) { seen.add("start " + scenario); }
            @Override public void labClassified(String scenario, double ms, List<String> problems) { seen.add("classified " + scenario); }
        };
        StringWriter err = new StringWriter();
        try (InterruptWatch watch = new InterruptWatch(new PrintWriter(err))) {
            Progress muted = watch.mute(recorder);
            muted.scenarioStarted("a", 1, 2);
            muted.labClassified("a", 4000, List.of());
            watch.interrupt(new PrintWriter(err));
            muted.scenarioStarted("b", 2, 2);
            muted.labClassified("b", 4000, List.of());
            assertThat(watch.interrupted()).isTrue();
        }
        assertThat(seen).containsExactly("start a", "classified a");
        assertThat(err.toString()).isEqualTo("run: interrupted; removing the labs' containers and networks" + System.lineSeparator());
    }
}
