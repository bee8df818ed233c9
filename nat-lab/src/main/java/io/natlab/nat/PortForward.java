package io.natlab.nat;

/**
 * A TCP port of a router's WAN address forwarded to a host behind it (e.g. the rendezvous server on a site's LAN).
 *
 * @param port   the TCP port, the same outside and inside
 * @param target the address the router forwards to: the server itself, or the next router towards it
 */
public record PortForward(int port, String target) {
    public PortForward {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, got " + port);
        if (target == null || !target.matches("\\d{1,3}(\\.\\d{1,3}){3}"))
            throw new IllegalArgumentException("forward target must be an IPv4 address, got " + target);
    }
}
