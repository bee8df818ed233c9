package io.natlab.nat;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a router adds its configured latency and jitter.
 *
 * <ul>
 *   <li>{@link #NETEM}: the kernel's netem qdisc on the egress of both interfaces (needs {@code sch_netem}).</li>
 *   <li>{@link #NFQUEUE}: the userspace delayer {@code natlab-delay} (built into the router image) holding every
 *       packet that arrives on an interface in an NFQUEUE queue for its delay, on any kernel with NFQUEUE.</li>
 * </ul>
 * Both give each direction the configured one-way delay; jitter is uniform in [latency - jitter, latency + jitter].
 */
public enum DelayBackend {
    NETEM("netem"), NFQUEUE("nfqueue");

    private final String yamlName;

    DelayBackend(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }

    /** {@code netem} or {@code nfqueue}, case-insensitive; {@code null} for {@code auto} (let the lab choose). */
    public static DelayBackend parseChoice(String value, String source) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("auto")) return null;
        for (DelayBackend b : values()) if (b.yamlName.equals(v)) return b;
        throw new IllegalArgumentException(source + ": unknown delay backend '" + value + "'; allowed: auto, "
            + Arrays.stream(values()).map(DelayBackend::yamlName).collect(Collectors.joining(", ")));
    }
}
