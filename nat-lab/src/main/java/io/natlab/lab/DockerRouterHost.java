package io.natlab.lab;

import io.natlab.nat.LabGuard;

import com.github.dockerjava.api.DockerClient;
import io.natlab.nat.DelayBackend;
import io.natlab.nat.RouterContext;
import io.natlab.nat.RouterEventScripts;
import io.natlab.nat.RouterRules;

import java.time.Duration;

/** A lab router container: its discovered interfaces and the rules it was configured with. */
public final class DockerRouterHost extends DockerLabHost implements RouterHost {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);

    private final String originalWanIp;
    private volatile String wanIp;
    private volatile RouterContext context;
    private volatile RouterRules rules;
    private volatile String spareWanIp;
    private volatile boolean disturbed;
    private final String lanIp;
    private volatile String wanIf;
    private volatile String lanIf;
    private volatile String appliedRules = "";
    private volatile String resetScript = "";
    private volatile DelayBackend delayBackend;

    public DockerRouterHost(DockerClient docker, String name, String containerId, String wanIp, String lanIp) {
        super(docker, name, HostRole.ROUTER, containerId, wanIp);
        this.wanIp = wanIp;
        this.originalWanIp = wanIp;
        this.lanIp = lanIp;
    }

    void interfaces(String wanIf, String lanIf) { this.wanIf = wanIf; this.lanIf = lanIf; }
    void rules(String applied, String reset) { this.appliedRules = applied; this.resetScript = reset; }
    String resetScript() { return resetScript; }
    void eventSetup(RouterContext ctx, RouterRules compiled, String spare) {
        this.context = ctx; this.rules = compiled; this.spareWanIp = spare;
    }

    /** The reset of this router: its own reset script, or, after events, a complete restore. */
    synchronized String resetOrRestoreScript() {
        if (!disturbed || context == null) return resetScript;
        return RouterEventScripts.restore(context, rules, wanIp);
    }

    /** Whether a mid-stream event changed this router since its last reset. */
    boolean disturbed() { return disturbed; }

    /** The restore ran: the original address is back. */
    synchronized void restored() { disturbed = false; wanIp = originalWanIp; }

    @Override public RouterContext context() { return context; }
    @Override public RouterRules rules() { return rules; }
    /** Probed when an event asks (an exec per router at start would slow every lab down). */
    @Override public boolean netemAvailable() {
        if (delayBackend != null) return delayBackend == DelayBackend.NETEM;
        return DelayBackendChoice.forced() != DelayBackend.NFQUEUE && NetemSupport.probe(this).ok();
    }
    @Override public String spareWanIp() {
        if (spareWanIp == null) throw new UnsupportedOperationException("router " + name() + " has no spare address");
        return spareWanIp;
    }

    @Override public void disturb(String what, String script, String newWanIp) {
        synchronized (this) { disturbed = true; }
        script(what, QUERY_TIMEOUT, script);
        if (newWanIp != null) wanIp = newWanIp;
    }
    void delayBackend(DelayBackend backend) { this.delayBackend = backend; }

    @Override public DelayBackend delayBackend() { return delayBackend; }

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
