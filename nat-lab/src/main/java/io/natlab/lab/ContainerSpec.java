package io.natlab.lab;

import io.natlab.nat.RouterRuleCompiler;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one lab container is made of, decided before Docker is asked (pure): image, command, sysctls, labels and
 * addresses. Routers get the sysctls the rule compiler asks for; every container gets IPv6 switched off.
 *
 * @param host       where it sits
 * @param dockerName its Docker container name
 * @param hostName   its hostname inside (letters, digits and dashes)
 * @param image      the router or peer image
 * @param command    its main process
 * @param sysctls    set at creation (/proc/sys is read-only inside)
 * @param labels     Docker labels (lab id, host name, role)
 */
public record ContainerSpec(HostPlan host, String dockerName, String hostName, String image, List<String> command,
                            Map<String, String> sysctls, Map<String, String> labels) {

    public ContainerSpec {
        command = List.copyOf(command);
        sysctls = Map.copyOf(sysctls);
        labels = Map.copyOf(labels);
    }

    private static final List<String> IDLE = List.of("sleep", "infinity");

    public static ContainerSpec of(String labId, Topology topology, HostPlan h, LabImages.Images images) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        sysctls.put("net.ipv6.conf.all.disable_ipv6", "1");
        sysctls.put("net.ipv6.conf.default.disable_ipv6", "1");
        String image;
        List<String> cmd;
        if (h.isRouter()) {
            sysctls.putAll(RouterRuleCompiler.sysctls(topology.site(h.name()).orElseThrow().router()));
            image = images.router();
            cmd = IDLE;
        } else {
            image = images.peer();
            cmd = h.role() == HostRole.RENDEZVOUS ? rendezvousCommand(rendezvousOf(topology)) : IDLE;
        }
        return new ContainerSpec(h, DockerNames.of(labId, h.name()), h.name().replaceAll("[^A-Za-z0-9-]", "-"),
            image, cmd, sysctls, LabLabels.forHost(labId, h.name(), h.role()));
    }

    /** The topology's rendezvous server, or the default one on the internet. */
    static Rendezvous rendezvousOf(Topology topology) {
        return topology.rendezvous() == null ? Rendezvous.defaults() : topology.rendezvous();
    }

    static List<String> rendezvousCommand(Rendezvous r) {
        List<String> cmd = new ArrayList<>(List.of("punch", "server", "--port", Integer.toString(r.port())));
        if (r.token() != null) cmd.add("--token=" + r.token()); // one word: a value can never read as another option
        return cmd;
    }
}
