package io.natlab.lab;

import io.natlab.topology.Subnet;

import java.util.Optional;

/** Finds a container's interface on a given subnet from {@code ip -o -4 addr show} output (pure). */
public final class InterfaceTable {
    private InterfaceTable() {}

    public static Optional<String> onSubnet(String ipAddrOutput, Subnet subnet) {
        for (String line : ipAddrOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "2: eth0    inet 198.18.5.100/24 brd 198.18.5.255 scope global eth0"
            if (f.length < 4 || !f[2].equals("inet")) continue;
            String addr = f[3].split("/")[0];
            String ifName = f[1].split("@")[0];
            try {
                if (subnet.contains(addr)) return Optional.of(ifName);
            } catch (IllegalArgumentException ignored) { /* not an address */ }
        }
        return Optional.empty();
    }
}
