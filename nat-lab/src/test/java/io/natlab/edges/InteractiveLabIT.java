package io.natlab.edges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The interactive lab as a user drives it from two shells: {@code nat-lab up} in the background, then {@code exec},
 * {@code punch} and {@code down} as separate processes that find the lab through the state directory.
 */
class InteractiveLabIT {
    private static final Duration LAB_UP = Duration.ofMinutes(4);
    private NatLabProcess up;
    private long upPid;

    @Test
    void upExecPunchDown() throws Exception {
        Path work = NatLabProcess.repoRoot().resolve("nat-lab/target/edges/interactive");
        Path state = work.resolve("state");
        Map<String, String> env = Map.of("NATLAB_STATE_DIR", state.toString());
        long t0 = System.nanoTime();
        up = NatLabProcess.start(work.resolve("up"), NatLabProcess.FOREGROUND_JOB, env, "up",
            NatLabProcess.resource("interactive-lab.yaml").toString(), "--evidence", work.resolve("evidence").toString());
        upPid = up.pid();
        await("nat-lab up").atMost(LAB_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!up.isAlive()) throw new AssertionError("up exited: " + up.awaitExit(Duration.ZERO) + "\n" + up.transcript());
            return up.stdout().contains("'nat-lab down' removes the lab");
        });
        long tUp = System.nanoTime();
        assertThat(up.stdout()).contains("alice").contains("bob").contains("home-a").contains("nat-lab exec alice -- ip addr");
        JsonNode lab = new ObjectMapper().readTree(Files.readString(state.resolve("lab.json")));
        String aliceLan = null;
        for (JsonNode h : lab.get("hosts")) if (h.get("name").asText().equals("alice")) aliceLan = h.get("lanIp").asText();
        assertThat(up.stdout()).contains(aliceLan);

        try (NatLabProcess exec = run(work, "exec-ok", env, "exec", "alice", "--", "ip", "-4", "addr")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(60))).as(exec.transcript()).isZero();
            assertThat(exec.stdout()).contains(aliceLan);
        }
        try (NatLabProcess exec = run(work, "exec-bad", env, "exec", "mallory", "--", "true")) {
            assertThat(exec.awaitExit(Duration.ofSeconds(60))).as(exec.transcript()).isEqualTo(2);
            assertThat(exec.stderr().strip()).startsWith("exec: no host 'mallory' in lab interactive-lab; hosts: alice, bob,");
        }
        long tPunch = System.nanoTime();
        try (NatLabProcess punch = run(work, "punch", env, "punch", "alice", "bob")) {
            assertThat(punch.awaitExit(Duration.ofSeconds(90))).as(punch.transcript()).isZero();
            assertThat(punch.stdout()).contains("result: direct").contains("alice (exit 0): {").contains("bob (exit 0): {")
                .contains("evidence: ").contains("capture: ");
        }
        long tDown = System.nanoTime();
        try (NatLabProcess down = run(work, "down", env, "down")) {
            assertThat(down.awaitExit(Duration.ofSeconds(90))).as(down.transcript()).isZero();
            assertThat(down.stdout()).contains("removed");
        }
        assertThat(up.awaitExit(Duration.ofSeconds(30))).as(up.transcript()).isZero();
        assertThat(LabObjects.describe(upPid)).isEmpty();
        assertThat(state.resolve("lab.json")).doesNotExist();
        System.out.printf("[info] interactive lab: up %.1f s, exec %.1f s, punch %.1f s, down %.1f s%n", (tUp - t0) / 1e9,
            (tPunch - tUp) / 1e9, (tDown - tPunch) / 1e9, (System.nanoTime() - tDown) / 1e9);
    }

    private static NatLabProcess run(Path work, String name, Map<String, String> env, String... args) {
        return NatLabProcess.start(work.resolve(name), java.util.List.of(), env, args);
    }

    @AfterEach void cleanUp() {
        if (up != null) {
            up.close();
            LabObjects.removeLeftovers(upPid);
        }
    }
}
