package io.natlab.lab;

import io.natlab.nat.DelayBackend;
import io.natlab.topology.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Picks the backend that adds a router's latency/jitter: netem where the kernel has it, else the userspace delayer
 * ({@code natlab-delay} on NFQUEUE). A user forces one with the system property {@code natlab.delay} or the
 * environment variable {@code NATLAB_DELAY} ({@code auto} (default), {@code netem}, {@code nfqueue}); the run
 * command's {@code --delay-backend} sets the property.
 */
public final class DelayBackendChoice {
    private static final Logger log = LoggerFactory.getLogger(DelayBackendChoice.class);
    public static final String PROPERTY = "natlab.delay";
    public static final String ENV = "NATLAB_DELAY";

    private DelayBackendChoice() {}

    /** The forced backend, or {@code null} for auto. Throws {@link LabStartException} on an unknown name. */
    public static DelayBackend forced() {
        String prop = System.getProperty(PROPERTY);
        String value = prop != null ? prop : System.getenv(ENV);
        try {
            return DelayBackend.parseChoice(value, prop != null ? "-D" + PROPERTY : ENV);
        } catch (IllegalArgumentException e) {
            throw new LabStartException(e.getMessage());
        }
    }

    /** The backend for one router whose site sets latency or jitter; checks that the chosen one can run. */
    static DelayBackend choose(LabHost router, Site site) {
        DelayBackend forced = forced();
        DelayBackend chosen;
        if (forced == DelayBackend.NETEM) {
            NetemSupport.require(router, site);
            chosen = DelayBackend.NETEM;
        } else if (forced == DelayBackend.NFQUEUE || !NetemSupport.probe(router).ok()) {
            ExecResult r = router.exec(Duration.ofSeconds(10), "sh", "-c", "command -v natlab-delay");
            if (!r.ok())
                throw new LabStartException("site " + site.name() + " sets latency/jitter and the kernel has no netem, but the "
                    + "router image has no natlab-delay (the userspace delayer built by docker/router/Dockerfile)");
            chosen = DelayBackend.NFQUEUE;
        } else {
            chosen = DelayBackend.NETEM;
        }
        log.info("router {}: latency up {} ms, down {} ms, jitter {} ms via {}{}", site.name(),
            site.router().latencyUp().toMillis(), site.router().latencyDown().toMillis(), site.router().jitter().toMillis(), chosen.yamlName(), forced == null ? " (auto)" : " (forced)");
        return chosen;
    }
}
