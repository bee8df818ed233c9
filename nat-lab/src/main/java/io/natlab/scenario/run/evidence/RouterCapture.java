package io.natlab.scenario.run.evidence;

import io.natlab.lab.ExecResult;
import io.natlab.lab.RouterHost;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Per-trial evidence from one router: a state snapshot (rules, counters, conntrack) before the trial, a tcpdump of its
 * WAN side during it, and on demand a snapshot after. A trial that went as expected costs one exec per router: its
 * tcpdump is simply killed by the next trial's start, which also deletes the files.
 */
public final class RouterCapture {
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(15);
    private static final String SNAPSHOT = "{ echo '### iptables-save'; iptables-save; echo '### nft list ruleset'; "
        + "nft list ruleset; echo '### counters (filter)'; iptables -L -v -n -x; echo '### counters (nat)'; "
        + "iptables -t nat -L -v -n -x; echo '### conntrack -L'; conntrack -L; } 2>&1";

    private final RouterHost router;
    private final String dir;

    public RouterCapture(RouterHost router, int trial) {
        this.router = router;
        this.dir = "/tmp/natlab-trial-" + trial;
    }

    public RouterHost router() { return router; }

    /** Snapshot "before", then tcpdump on the WAN interface; returns once tcpdump says it is listening. */
    public ExecResult start() {
        // an earlier trial's tcpdump and files go here, which saves an exec per trial
        String script = "set -u; D=" + dir + "; pkill -x tcpdump; rm -rf /tmp/natlab-trial-*; mkdir -p $D; " + SNAPSHOT + " > $D/before.txt; "
            + "tcpdump -i " + router.wanInterface() + " -n -U -s 200 -w $D/wan.pcap tcp > $D/tcpdump.log 2>&1 < /dev/null & "
            + "echo $! > $D/tcpdump.pid; "
            // readiness, not a delay: tcpdump prints "listening on" once capturing; give up after ~3 s
            + "i=0; while [ $i -lt 150 ] && ! grep -q 'listening on' $D/tcpdump.log; do sleep 0.02; i=$((i+1)); done; "
            + "grep -q 'listening on' $D/tcpdump.log";
        return router.exec(EXEC_TIMEOUT, "sh", "-c", script);
    }

    /** Stops tcpdump (flushing the pcap) and records the state after the trial. */
    public ExecResult stop() {
        String script = "D=" + dir + "; P=$(cat $D/tcpdump.pid 2>/dev/null); "
            + "if [ -n \"$P\" ]; then kill -INT $P 2>/dev/null; i=0; "
            + "while [ $i -lt 150 ] && kill -0 $P 2>/dev/null; do sleep 0.02; i=$((i+1)); done; fi; "
            + SNAPSHOT + " > $D/after.txt; true";
        return router.exec(EXEC_TIMEOUT, "sh", "-c", script);
    }

    /** Copies the evidence into {@code hostDir} as {@code <router>-before.txt} etc. */
    public void copyOut(Path hostDir) {
        String n = router.name();
        router.copyOut(dir + "/before.txt", hostDir.resolve(n + "-before.txt"));
        router.copyOut(dir + "/after.txt", hostDir.resolve(n + "-after.txt"));
        router.copyOut(dir + "/wan.pcap", hostDir.resolve(n + "-wan.pcap"));
        router.copyOut(dir + "/tcpdump.log", hostDir.resolve(n + "-tcpdump.log"));
    }
}
