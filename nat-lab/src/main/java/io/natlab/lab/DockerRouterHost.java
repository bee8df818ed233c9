package io.natlab.lab;

import io.natlab.nat.LabGuard;

import com.github.dockerjava.api.DockerClient;

import java.time.Duration;

/** A lab router container: its discovered interfaces and the rules it was configured with. */
public final class DockerRouterHost extends DockerLabHost implements RouterHost {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);

    private final String wanIp;
    private final String lanIp;
    private volatile String wanIf;
    private volatile String lanIf;
    private volatile String appliedRules = "";
    private volatile String resetScript = "";

    public DockerRouterHost(DockerClient docker, String name, String containerId, String wanIp, String lanIp) {
        super(docker, name, HostRole.ROUTER, containerId, wanIp);
        this.wanIp = wanIp;
        this.lanIp = lanIp;
    }

    void interfaces(String wanIf, String lanIf) { this.wanIf = wanIf; this.lanIf = lanIf; }
    void rules(String applied, String reset) { this.appliedRules = applied; this.resetScript = reset; }
    String resetScript() { return resetScript; }

    @Override public String wanIp() { return wanIp; }
    @Override public String wanInterface() { return wanIf; }
    @Override public String lanIp() { return lanIp; }
    @Override public String lanInterface() { return lanIf; }
    @Override public String appliedRules() { return appliedRules; }

    @Override public String ruleset() {
        return exec(QUERY_TIMEOUT, "sh", "-c", "iptables-save; echo; nft list ruleset").stdout();
    }

    @Override public String counters() {
        return exec(QUERY_TIMEOUT, "sh", "-c",
            "for t in raw mangle nat filter; do echo \"# table $t\"; iptables -t $t -L -v -n -x; done; "
                + "echo '# nft table ip " + LabGuard.TABLE + "'; nft list table ip " + LabGuard.TABLE).stdout();
    }

    @Override public String conntrack() {
        return exec(QUERY_TIMEOUT, "conntrack", "-L").stdout();
    }
}
