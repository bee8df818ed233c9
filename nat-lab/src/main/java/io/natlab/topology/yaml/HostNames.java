package io.natlab.topology.yaml;

import io.natlab.topology.Rendezvous;

import java.util.Set;
import java.util.regex.Pattern;

/** Rules for site and peer names, which become container host names inside the lab. */
public final class HostNames {

    private HostNames() {}

    /** A DNS label, short enough to leave room for the lab's container name prefix. */
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    /** Host names the lab itself uses. */
    public static final Set<String> RESERVED = YamlKeys.ordered(Rendezvous.HOST_NAME, "probe-1", "probe-2", "internet");

    /** Why {@code name} cannot be a host name, or {@code null} when it can. */
    public static String problem(String name) {
        if (!PATTERN.matcher(name).matches()) {
            return "'" + name + "' is not a valid host name: use 1-31 characters a-z, 0-9 and '-', starting with a letter or digit";
        }
        if (RESERVED.contains(name)) {
            return "'" + name + "' is reserved for the lab's own hosts (" + String.join(", ", RESERVED) + ")";
        }
        return null;
    }
}
