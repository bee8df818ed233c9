package io.natlab.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inputs of one peer process under the peer contract (docs/peer-contract.md), and the argv that starts an
 * implementation with them. The values travel as separate arguments of {@code env}, never through a shell.
 */
public record PeerContract(String server, String id, String peer, String token, int localPort, Duration timeout,
                           long echoBytes, String strategy) {
    public static final int VERSION = 1;

    public PeerContract {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(strategy, "strategy");
        for (String v : new String[] {server, id, peer, token == null ? "" : token, strategy}) {
            if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("contract values must not contain control characters");
            }
        }
        if (localPort < 0 || localPort > 65535 || echoBytes < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("local port within 0..65535, echo bytes >= 0 and a positive timeout");
        }
    }

    /** The variables, in the documented order. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NATLAB_SERVER", server);
        env.put("NATLAB_ID", id);
        env.put("NATLAB_PEER", peer);
        env.put("NATLAB_TOKEN", token == null ? "" : token);
        env.put("NATLAB_LOCAL_PORT", Integer.toString(localPort));
        env.put("NATLAB_TIMEOUT_MS", Long.toString(timeout.toMillis()));
        env.put("NATLAB_ECHO_BYTES", Long.toString(echoBytes));
        env.put("NATLAB_STRATEGY", strategy);
        return env;
    }

    /** {@code env NATLAB_...=... COMMAND...}: one argv, no shell in between. */
    public List<String> argv(Implementation impl) {
        List<String> argv = new ArrayList<>();
        argv.add("env");
        env().forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(impl.command());
        return argv;
    }
}
