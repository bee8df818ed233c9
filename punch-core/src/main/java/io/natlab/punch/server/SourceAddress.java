package io.natlab.punch.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The unit the server's per-source limits count: an IPv4 address, or an IPv6 /64 (one host usually owns a
 * whole /64, so counting single IPv6 addresses would let it step around every per-source limit).
 */
final class SourceAddress {
    private SourceAddress() {
    }

    static InetAddress of(InetAddress address) {
        if (!(address instanceof Inet6Address v6) || v6.isLoopbackAddress()) {
            return address;
        }
        byte[] prefix = Arrays.copyOf(v6.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }
}
