package io.natlab.punch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A numeric IP address and TCP port, written {@code 10.1.0.3:40000} or {@code [fd00::1]:40000}.
 * Endpoints on the wire are always numeric: parsing never does a DNS lookup.
 */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    public static Endpoint of(InetSocketAddress socketAddress) {
        if (socketAddress.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + socketAddress);
        }
        return new Endpoint(socketAddress.getAddress(), socketAddress.getPort());
    }

    /** Parses {@code a.b.c.d:port} or {@code [v6]:port}; throws IllegalArgumentException with the reason. */
    public static Endpoint parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty endpoint, expected ip:port");
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected ip:port, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!host.contains(":")) {
                throw new IllegalArgumentException("brackets are only for IPv6 addresses: '" + text + "'");
            }
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("IPv6 addresses need brackets, e.g. [::1]:7000: '" + text + "'");
        }
        int port = parsePort(portText, text);
        if (!isNumericAddress(host)) {
            throw new IllegalArgumentException("not a numeric IP address: '" + host + "'");
        }
        try {
            // Numeric literals only (checked above), so this does no name lookup.
            return new Endpoint(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a numeric IP address: '" + host + "'");
        }
    }

    static int parsePort(String portText, String whole) {
        if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad port in '" + whole + "'");
        }
        int port = Integer.parseInt(portText);
        if (port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535 in '" + whole + "'");
        }
        return port;
    }

    private static boolean isNumericAddress(String host) {
        if (host.isEmpty() || host.length() > 45) {
            return false;
        }
        if (host.contains(":")) {
            return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
