package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Creates, attaches and starts the lab's containers from their {@link ContainerSpec}s. */
final class LabContainers {
    private final DockerClient docker;
    private final LabNetworks networks;
    private final BooleanSupplier closed;
    private final List<String> ids = new CopyOnWriteArrayList<>();

    LabContainers(DockerClient docker, LabNetworks networks, BooleanSupplier closed) {
        this.docker = docker;
        this.networks = networks;
        this.closed = closed;
    }

    List<String> ids() { return List.copyOf(ids); }

    /** Creates and starts one container; returns the host handle for it. */
    DockerLabHost start(ContainerSpec spec) {
        HostPlan h = spec.host();
        HostConfig hc = HostConfig.newHostConfig()
            .withNetworkMode(DockerNames.of(spec.labels().get(LabLabels.LAB), h.network()))
            .withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW)
            .withInit(true) // reaps spawned background processes
            .withSysctls(spec.sysctls());
        CreateContainerResponse c;
        try {
            c = docker.createContainerCmd(spec.image())
                .withName(spec.dockerName())
                .withHostName(spec.hostName())
                .withLabels(spec.labels())
                .withHostConfig(hc)
                .withIpv4Address(h.ip())
                .withCmd(spec.command())
                .exec();
        } catch (DockerException e) {
            throw new LabStartException("creating container " + h.name() + " failed: " + e.getMessage(), e);
        }
        ids.add(c.getId());
        if (closed.getAsBoolean()) { // closed (Ctrl-C) while we were creating it: do not leave it behind
            try { docker.removeContainerCmd(c.getId()).withForce(true).exec(); } catch (RuntimeException ignored) { /* best effort */ }
            throw new LabStartException("lab " + spec.labels().get(LabLabels.LAB) + " was closed while starting");
        }
        if (h.lanNetwork() != null) {
            docker.connectToNetworkCmd().withNetworkId(networks.id(h.lanNetwork())).withContainerId(c.getId())
                .withContainerNetwork(new ContainerNetwork().withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(h.lanIp())))
                .exec();
        }
        try {
            docker.startContainerCmd(c.getId()).exec();
        } catch (DockerException e) {
            throw new LabStartException("starting container " + h.name() + " failed: " + e.getMessage()
                + (h.isRouter() ? " (conntrack timeout keys must be nf_conntrack_tcp_timeout_<key> sysctls, e.g. syn_sent)" : ""), e);
        }
        return h.isRouter()
            ? new DockerRouterHost(docker, h.name(), c.getId(), h.ip(), h.lanIp())
            : new DockerLabHost(docker, h.name(), h.role(), c.getId(), h.ip());
    }
}
