package io.natlab.scenario.run.launch;

import io.natlab.impl.Capability;
import io.natlab.impl.Implementation;
import io.natlab.impl.PeerContract;
import io.natlab.lab.Lab;
import io.natlab.lab.PunchCommand;
import io.natlab.scenario.ProcessMode;
import io.natlab.scenario.Scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * How this scenario's clients start on this lab: on the peer's warm agent when the scenario runs {@code warm} and
 * the implementation has one ({@link Capability#AGENT}), else as a fresh process. Builds each side's command line:
 * punch-core through its wrapper and flags, any other implementation through the peer contract's variables.
 */
public final class ClientLaunch {
    /**
     * The first client's deadline also covers the second one's start and registration (a client's timeout runs from
     * its own start). A fresh JVM on a loaded 2-core host took up to 4.3 s to start and register; a warm agent takes
     * a request in milliseconds. The allowance costs nothing in a trial whose outcome is known: a failed side stops
     * the other at once.
     */
    public static final Duration FRESH_START_ALLOWANCE = Duration.ofSeconds(8);
    public static final Duration WARM_START_ALLOWANCE = Duration.ofSeconds(2);
    /** How long an agent may take to start its JVM and say it is ready. */
    static final Duration AGENT_READY = Duration.ofSeconds(30);

    private final Lab lab;
    private final Scenario scenario;
    private final Executor threads;
    private final Duration limit;

    /** @param limit how long any one client may run before the runner kills it */
    public ClientLaunch(Lab lab, Scenario scenario, Executor threads, Duration limit) {
        this.lab = lab;
        this.scenario = scenario;
        this.threads = threads;
        this.limit = limit;
    }

    public boolean warm(Implementation impl) {
        return scenario.process() == ProcessMode.WARM && impl.can(Capability.AGENT);
    }

    /** Extra deadline for the first client: what the second one's start may take. */
    public Duration startAllowance(Implementation second) {
        return warm(second) ? WARM_START_ALLOWANCE : FRESH_START_ALLOWANCE;
    }

    /** Brings up the warm agents this pair needs, in parallel, before its first client starts (once per lab). */
    public void prepare(String first, Implementation firstImpl, String second, Implementation secondImpl) {
        List<WarmPeer> peers = new ArrayList<>();
        if (warm(firstImpl)) peers.add(agent(first, firstImpl));
        if (warm(secondImpl)) peers.add(agent(second, secondImpl));
        if (!peers.isEmpty()) WarmPeers.readyAll(peers, AGENT_READY, threads); // a problem fails that client's trial
    }

    /** One side of a trial, ready to launch. */
    public TrialClients.Side side(String peer, Implementation impl, String id, String peerId, int localPort,
                                  Duration timeout, String strategy) {
        String token = scenario.topology().rendezvous().token();
        List<String> punch = PunchCommand.client(lab.rendezvousEndpoint(), id, peerId, localPort, timeout, strategy,
            scenario.echoBytes(), token);
        PeerContract contract = new PeerContract(lab.rendezvousEndpoint(), id, peerId, token, localPort, timeout,
            scenario.echoBytes(), strategy);
        List<String> command = impl.builtIn() ? punch : contract.argv(impl);
        if (warm(impl)) {
            List<String> args = punch.subList(2, punch.size()); // the client's options, without "punch client"
            return new TrialClients.Side(peer, id, timeout, () -> agent(peer, impl).start(id, args, contract.env(),
                String.join(" ", command), limit, AGENT_READY));
        }
        return new TrialClients.Side(peer, id, timeout,
            () -> FreshClient.start(lab.host(peer), lab.rendezvous(), id, command, limit, threads));
    }

    private WarmPeer agent(String peer, Implementation impl) {
        List<String> command = impl.builtIn() ? PunchCommand.agent() : agentCommand(impl);
        return WarmPeers.of(lab).peer(lab.host(peer), impl.name(), command);
    }

    /** Another implementation's agent: its own command with {@code NATLAB_AGENT=1} (docs/peer-contract.md). */
    private static List<String> agentCommand(Implementation impl) {
        List<String> argv = new ArrayList<>(List.of("env", "NATLAB_AGENT=1"));
        argv.addAll(impl.command());
        return argv;
    }
}
