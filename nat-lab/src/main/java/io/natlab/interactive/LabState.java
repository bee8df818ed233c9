package io.natlab.interactive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code nat-lab up} writes for the other commands: the lab (its Docker label {@code natlab.lab}), the owning
 * process, the control socket and every host with its addresses and container.
 *
 * @param labId           the lab's id (label {@code natlab.lab} on all its containers and networks)
 * @param name            the topology's name
 * @param file            the scenario or topology file it was started from
 * @param pid             the {@code up} process
 * @param pidStart        its start time (epoch ms): a reused pid is not mistaken for it
 * @param socket          its control socket
 * @param rendezvous      the rendezvous endpoint clients dial
 * @param evidence        where {@code punch} writes its evidence
 * @param implementations names of the implementations the peers carry (punch-core always)
 * @param hosts           every container
 */
public record LabState(String labId, String name, String file, long pid, long pidStart, String socket,
                       String rendezvous, String evidence, List<String> implementations, List<Host> hosts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One container.
     *
     * @param role      router, peer, public_peer, rendezvous or probe
     * @param lanIp     its address on its LAN (a router: the LAN side; null for hosts on the internet)
     * @param publicIp  the address the internet sees for it (a peer: its outermost router's WAN address)
     * @param container the Docker container id
     */
    public record Host(String name, String role, String site, String lanIp, String publicIp, String container) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isPeer() { return role.equals("peer") || role.equals("public_peer"); }
    }

    public LabState {
        implementations = List.copyOf(implementations);
        hosts = List.copyOf(hosts);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Optional<Host> host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    public List<String> hostNames() { return hosts.stream().map(Host::name).toList(); }

    public List<String> peerNames() { return hosts.stream().filter(Host::isPeer).map(Host::name).toList(); }

    /** Whether the {@code up} process that wrote this still runs. */
    public boolean ownerAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(0L))
            .map(start -> pidStart == 0 || start == 0 || Math.abs(start - pidStart) <= 1000)
            .orElse(false);
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(this));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The state in {@code file}, empty when there is none; an unreadable file is an IOException. */
    public static Optional<LabState> read(Path file) throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(JSON.readValue(file.toFile(), LabState.class));
    }
}
