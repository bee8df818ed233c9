package io.natlab.lab;

import io.natlab.nat.LabGuard;

import com.github.dockerjava.api.DockerClient;
import io.natlab.topology.Subnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The two-site lab, end to end against the real Docker engine. Shares one lab; the last test closes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerLabIT {
    private static final Duration T = Duration.ofSeconds(15);
    private DockerLab lab;
    private DockerClient docker;

    @BeforeAll
    void start() {
        docker = DockerAvailability.client(); // fails (never skips) with one clear message when no engine answers
        long t0 = System.nanoTime();
        lab = DockerLab.start(TestTopologies.twoSites(), LabOptions.fromEnvironment());
        System.out.printf("[measure] two-site lab start: %d ms %s%n", (System.nanoTime() - t0) / 1_000_000, lab.startTimings());
    }

    @AfterAll
    void stop() { if (lab != null) lab.close(); }

    @Test @Order(1)
    void routersAreWiredBySubnet() {
        Subnet internet = lab.subnets().get("internet");
        for (String site : List.of("home-a", "home-b")) {
            RouterHost r = lab.router(site);
            Subnet lan = lab.subnets().get(site);
            assertThat(internet.contains(r.wanIp())).as("%s WAN %s in %s", site, r.wanIp(), internet).isTrue();
            assertThat(lan.contains(r.lanIp())).as("%s LAN %s in %s", site, r.lanIp(), lan).isTrue();
            assertThat(r.exec(T, "ip", "-o", "-4", "addr", "show", "dev", r.wanInterface()).stdout()).contains(" " + r.wanIp() + "/");
            assertThat(r.exec(T, "ip", "-o", "-4", "addr", "show", "dev", r.lanInterface()).stdout()).contains(" " + r.lanIp() + "/");
            assertThat(r.exec(T, "sysctl", "-n", "net.ipv4.ip_forward").stdout().strip()).isEqualTo("1");
            // Top-level routers: the internet is flat, there is no default route at all.
            assertThat(r.exec(T, "ip", "route", "show", "default").stdout()).isBlank();
        }
        assertThat(lab.subnets()).containsKeys("internet", "home-a", "home-b");
        // Per-router conntrack timeouts are per-namespace sysctls set at creation.
        RouterHost b = lab.router("home-b");
        assertThat(b.exec(T, "sysctl", "-n", "net.netfilter.nf_conntrack_tcp_timeout_syn_sent").stdout().strip()).isEqualTo("30");
        assertThat(b.exec(T, "sysctl", "-n", "net.netfilter.nf_conntrack_tcp_timeout_established").stdout().strip()).isEqualTo("600");
        assertThat(lab.router("home-a").exec(T, "sysctl", "-n", "net.netfilter.nf_conntrack_tcp_timeout_syn_sent").stdout().strip())
            .isEqualTo("120");
        assertThat(lab.rendezvousEndpoint()).isEqualTo(lab.rendezvous().ip() + ":7000");
        assertThat(internet.contains(lab.host("carol").ip())).isTrue();
    }

    @Test @Order(2)
    void peersRouteOnlyThroughTheirRouter() {
        LabHost alice = lab.host("alice");
        assertThat(alice.exec(T, "ip", "route", "show", "default").stdout().strip())
            .startsWith("default via " + lab.router("home-a").lanIp() + " ");
        String lanGateway = lab.subnets().get("home-a").host(1);
        ExecResult toDockerGateway = alice.exec(T, "ip", "route", "get", lanGateway);
        assertThat(toDockerGateway.ok()).isFalse();
        assertThat(toDockerGateway.stderr()).contains("Permission denied");
        // The guard drops anything addressed outside the lab, even if a route appeared.
        assertThat(alice.exec(T, "nft", "list", "table", "ip", LabGuard.TABLE).stdout()).contains("ip daddr != @lab");
        ExecResult carolOut = lab.host("carol").exec(T, "ip", "route", "get", "8.8.8.8");
        assertThat(carolOut.ok()).isFalse();
    }

    @Test @Order(3)
    void execSpawnFilesAndLogs() throws Exception {
        LabHost bob = lab.host("bob");
        ExecResult r = bob.exec(T, "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        ExecResult slow = bob.exec(Duration.ofMillis(500), "sleep", "5");
        assertThat(slow.exitCode()).isEqualTo(-1);
        assertThat(slow.took()).isLessThan(Duration.ofSeconds(4));

        bob.spawn("/tmp/spawned.log", "sh", "-c", "echo started; sleep 30");
        await().atMost(T).until(() -> bob.readFile("/tmp/spawned.log").contains("started"));
        assertThat(bob.readFile("/does/not/exist")).isEmpty();
        Path copy = Files.createTempFile("natlab-copy", ".log");
        assertThat(bob.copyOut("/tmp/spawned.log", copy)).isTrue();
        assertThat(Files.readString(copy)).isEqualTo("started\n");
        assertThat(bob.copyOut("/does/not/exist", copy)).isFalse();
        assertThat(bob.exec(T, "java", "-version").stderr()).contains("17");
        assertThat(bob.exec(T, "test", "-f", "/opt/punch/punch.jar").ok()).isTrue();
        // The fast-start wrapper (C1, serial GC, AppCDS archive) runs the same jar.
        assertThat(bob.exec(T, "punch", "--help").ok()).isTrue();
        List<Long> execMillis = new ArrayList<>();
        for (int i = 0; i < 10; i++) execMillis.add(bob.exec(T, "true").took().toMillis());
        System.out.println("[measure] exec of `true` ms: " + execMillis);

        // The rendezvous server is the container's main process: its log is the container log.
        assertThat(lab.rendezvous().logs()).isNotBlank();
        assertThat(lab.rendezvous().exec(T, "ss", "-Hltn", "sport = :7000").stdout()).contains(":7000");
    }

    @Test @Order(4)
    void routerRulesCountersAndConntrack() {
        RouterHost r = lab.router("home-a");
        assertThat(r.appliedRules()).contains(r.wanInterface());
        assertThat(r.ruleset()).contains("MASQUERADE").contains("table ip " + LabGuard.TABLE);
        assertThat(r.counters()).contains("Chain FORWARD").contains("drop outside topology");
        assertThat(r.conntrack()).isNotNull();
    }

    @Test @Order(5)
    void plainTcpFlowIsNatedAsSeenByTheServer() {
        LabHost rdv = lab.rendezvous();
        String echoPort = "9000";
        rdv.spawn("/tmp/echo-peer.log", "socat", "TCP-LISTEN:" + echoPort + ",reuseaddr,fork", "SYSTEM:echo $SOCAT_PEERADDR");
        await().atMost(T).until(() -> rdv.exec(T, "ss", "-Hltn", "sport = :" + echoPort).stdout().contains(":" + echoPort));

        ExecResult seen = lab.host("alice").exec(T, "sh", "-c", "nc -w 5 " + rdv.ip() + " " + echoPort + " </dev/null");
        assertThat(seen.ok()).as("nc: %s", seen).isTrue();
        RouterHost homeA = lab.router("home-a");
        assertThat(seen.stdout().strip()).isEqualTo(homeA.wanIp());
        assertThat(homeA.conntrack()).contains("src=" + lab.host("alice").ip()).contains("dport=" + echoPort);

        // A public peer is seen with its own address (no NAT).
        ExecResult carol = lab.host("carol").exec(T, "sh", "-c", "nc -w 5 " + rdv.ip() + " " + echoPort + " </dev/null");
        assertThat(carol.stdout().strip()).isEqualTo(lab.host("carol").ip());
    }

    @Test @Order(6)
    void resetEmptiesConntrackQuickly() {
        RouterHost homeA = lab.router("home-a");
        lab.host("alice").exec(T, "nc", "-z", "-w", "3", lab.rendezvous().ip(), "7000");
        assertThat(homeA.conntrack()).contains("dport=7000");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            lab.reset();
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        System.out.println("[measure] reset() ms: " + millis);
        assertThat(homeA.conntrack()).doesNotContain("dport=7000");
        assertThat(lab.router("home-b").conntrack()).doesNotContain("dport=7000");
        // Rules survive a reset.
        assertThat(homeA.ruleset()).contains("MASQUERADE").contains(LabGuard.TABLE);
    }

    @Test @Order(7)
    void closeLeavesNothingBehind() {
        String id = lab.id();
        lab.close();
        lab.close(); // idempotent
        Map<String, String> mine = Map.of(LabLabels.LAB, id);
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec()).isEmpty();
        assertThat(docker.listNetworksCmd().withFilter("label", List.of(LabLabels.LAB + "=" + id)).exec()).isEmpty();
    }
}
