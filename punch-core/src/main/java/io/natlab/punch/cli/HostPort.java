package io.natlab.punch.cli;

import java.net.InetSocketAddress;

/** Parses {@code HOST:PORT} (host name, IPv4, or [IPv6]); the host is resolved later, when connecting. */
final class HostPort {
    private HostPort() {
    }

    static InetSocketAddress parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, e.g. rendezvous:7000 or 198.18.0.2:7000");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': write IPv6 addresses in brackets, e.g. [::1]:7000");
        }
        String portText = text.substring(colon + 1);
        if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1
                || Integer.parseInt(portText) > io.natlab.punch.protocol.Protocol.MAX_PORT) {
            throw new IllegalArgumentException("'" + text + "': port must be 1.." + io.natlab.punch.protocol.Protocol.MAX_PORT);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': empty host");
        }
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(portText));
    }
}
