package io.natlab.scenario.stream;

import io.natlab.scenario.Scenario;
import io.natlab.scenario.ScenarioLoader;
import io.natlab.topology.yaml.ReservedRanges;
import io.natlab.yaml.ValidationError;
import io.natlab.yaml.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** hold/heartbeat/idle-timeout/recover/events and punches[].stream: what they read as, and every error named by line and field. */
class StreamPlanYamlTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader(ReservedRanges.fixed());

    /** Two homes (alice behind home-a, bob behind home-b) and an unused home-c (dave, not punched); line 16 on is {@code tail}. */
    static String scenario(String tail) {
        return """
            description: t
            topology:
              sites:
                - name: home-a
                  nat: port-restricted-cone
                  peers: [alice]
                - name: home-b
                  nat: symmetric
                  peers: [bob]
                - name: home-c
                  nat: symmetric
                  peers: [dave]
            punches:
              - peers: [alice, bob]
                stream: auto
            """ + tail;
    }

    static List<String> errors(String yaml) {
        try {
            LOADER.parse(Path.of("t.yaml"), yaml);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationError::render).toList();
        }
    }

    @Test
    void readsHoldAndEventsInTimeOrder() {
        Scenario s = LOADER.parse(Path.of("t.yaml"), scenario("""
            hold: 6s
            heartbeat: 3s
            idle-timeout: 8s
            recover: true
            events:
              - {at: 4s, router: home-b, do: link-down, for: 1s}
              - {at: 1s, router: home-a, do: idle-expiry, for: 2s}
              - {at: 2s, router: home-a, do: set, loss: 20, latency: 100ms}
            """));
        StreamPlan p = s.stream();
        assertThat(p.hold()).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.heartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.idleTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.recover()).isTrue();
        assertThat(p.events()).extracting(RouterEvent::describe)
            .containsExactly("1s home-a idle-expiry for 2s", "2s home-a set loss 20.0% latency 100ms", "4s home-b link-down for 1s");
        assertThat(p.eventsOn(List.of("home-a"))).hasSize(2);
        assertThat(s.punches().get(0).stream()).isEqualTo(StreamExpectation.AUTO);
    }

    @Test
    void notHeldByDefault() {
        Scenario s = LOADER.parse(Path.of("t.yaml"), scenario(""));
        assertThat(s.stream().held()).isFalse();
        assertThat(s.stream()).isEqualTo(StreamPlan.NONE);
    }

    @Test
    void eventsNameFileLineAndField() {
        assertThat(errors(scenario("""
            hold: 5s
            events:
              - {at: 2s, router: home-x, do: flush-conntrack}
              - {at: 2s, router: home-c, do: reboot}
              - {at: 6s, router: home-a, do: link-down}
              - {at: 1s, router: home-a, do: set}
              - {at: 1s, router: home-a, do: reboot, for: 2s}
              - {at: 1s, router: home-a, do: idle-expiry}
              - {at: 1s, router: home-a, do: explode}
            """))).containsExactly(
            "t.yaml:18:22: events[0].router: no site 'home-x' (did you mean 'home-a'?); sites: home-a, home-b, home-c",
            "t.yaml:19:22: events[1].router: 'home-c' is on no punching pair's path, so the event would disturb nothing "
                + "(routers on a path: home-a, home-b)",
            "t.yaml:20:10: events[2].at: (6s) is not within the hold (5s)",
            "t.yaml:20:34: events[2].do: link-down needs for: (how long, e.g. for: 3s)",
            "t.yaml:21:34: events[3].do: set needs loss: (percent) and/or latency: (e.g. 100ms)",
            "t.yaml:22:47: events[4].for: only link-down (how long) and idle-expiry (the established timeout) take for:",
            "t.yaml:23:34: events[5].do: idle-expiry (2s) needs heartbeat: longer than it, or the heartbeats keep the entry "
                + "alive and nothing ever idles (e.g. heartbeat: 3s)",
            "t.yaml:24:34: events[6].do: unknown event 'explode'; allowed: flush-conntrack, reboot, change-public-ip, "
                + "link-down, idle-expiry, set");
    }

    @Test
    void streamSettingsNeedHold() {
        assertThat(errors(scenario("""
            heartbeat: 1s
            events:
              - {at: 2s, router: home-a, do: flush-conntrack}
            """).replace("stream: auto", "stream: survives"))).containsExactly(
            "t.yaml:14:5: punches.stream: needs hold: at the top level (e.g. hold: 6s)",
            "t.yaml:16:12: heartbeat: needs hold: (how long the punched stream is kept, e.g. hold: 6s)",
            "t.yaml:18:3: events: needs hold: (how long the punched stream is kept, e.g. hold: 6s)");
    }

    @Test
    void recoversNeedsRecoverAndTheIdleTimeoutMustOutlastTheHeartbeat() {
        assertThat(errors(scenario("""
            hold: 5s
            heartbeat: 1s
            idle-timeout: 1s
            """).replace("stream: auto", "stream: recovers"))).containsExactly(
            "t.yaml:14:5: punches.stream: recovers needs recover: true at the top level",
            "t.yaml:18:15: idle-timeout: (1s) must be longer than the heartbeat (1s), or a healthy stream is called dead "
                + "between two heartbeats");
    }
}
