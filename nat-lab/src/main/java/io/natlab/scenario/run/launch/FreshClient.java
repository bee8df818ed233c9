package io.natlab.scenario.run.launch;

import io.natlab.lab.ExecResult;
import io.natlab.lab.LabHost;
import io.natlab.scenario.ProcessMode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * A client as a new process of its own (one Docker exec per client per trial). A shell records its pid first so the
 * runner can stop exactly this client; its registration is read from the rendezvous server's log.
 */
public final class FreshClient implements ClientProcess {
    private final LabHost host;
    private final LabHost rendezvous;
    private final String id;
    private final String command;
    private final Instant launched = Instant.now();
    private volatile Instant ended;
    private final CompletableFuture<ExecResult> done;

    private FreshClient(LabHost host, LabHost rendezvous, String id, List<String> command, Duration limit, Executor threads) {
        this.host = host;
        this.rendezvous = rendezvous;
        this.id = id;
        this.command = String.join(" ", command);
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "echo $$ > " + pidFile(id) + "; exec \"$@\"", "sh"));
        argv.addAll(command);
        this.done = CompletableFuture.supplyAsync(() -> {
            try {
                return host.exec(limit, argv.toArray(String[]::new));
            } catch (RuntimeException e) {
                return new ExecResult(-1, "", "[natlab] exec failed: " + e, Duration.ZERO);
            } finally {
                ended = Instant.now();
            }
        }, threads);
    }

    /** Launches {@code command} on {@code host}; Docker kills it at {@code limit}. */
    public static FreshClient start(LabHost host, LabHost rendezvous, String id, List<String> command, Duration limit,
                                    Executor threads) {
        return new FreshClient(host, rendezvous, id, command, limit, threads);
    }

    static String pidFile(String clientId) { return "/tmp/natlab-client-" + clientId + ".pid"; }

    @Override public ProcessMode mode() { return ProcessMode.FRESH; }
    @Override public String command() { return command; }
    @Override public Instant launched() { return launched; }
    @Override public Instant ended() { return ended; }
    @Override public CompletableFuture<ExecResult> done() { return done; }

    @Override
    public boolean awaitRegistered(Duration max) {
        Pattern logged = Pattern.compile("registered id=" + Pattern.quote(id) + "(\\s|$)", Pattern.MULTILINE);
        try {
            Awaitility.await("rendezvous registration of " + id).atMost(max)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(40))
                .until(() -> done.isDone() || logged.matcher(rendezvous.logs()).find());
        } catch (ConditionTimeoutException e) {
            return false;
        }
        return logged.matcher(rendezvous.logs()).find();
    }

    @Override
    public void stop() {
        host.exec(Duration.ofSeconds(5), "sh", "-c", "kill $(cat " + pidFile(id) + ") 2>/dev/null; true");
    }
}
