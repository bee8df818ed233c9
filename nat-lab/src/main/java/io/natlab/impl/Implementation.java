package io.natlab.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One implementation under test.
 *
 * @param name         short name (report dimension, image tag part, directory name)
 * @param home         directory copied into the peer image at {@code /opt/impl/NAME}; null for the built-in one
 * @param install      one shell line run once when the image is built (e.g. installing a runtime from Debian
 *                     packages); null for none
 * @param command      the argv the lab starts per trial, inside the peer container, with the contract's environment
 * @param capabilities what it declares beyond the contract
 * @param source       the descriptor file it came from; null for the built-in one
 */
public record Implementation(String name, Path home, String install, List<String> command,
                             Set<Capability> capabilities, Path source) {
    /** Names: lower-case letters, digits and '-', starting with a letter or digit, at most 40 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Where an implementation's files live in the peer container. */
    public static final String IMPL_ROOT = "/opt/impl/";

    /**
     * punch-core's CLI, through the peer image's fast-start wrapper; it reads the contract's variables. It predicts
     * ports (its rendezvous server's probe port, docs/punch-core.md) and runs warm ({@code punch agent}).
     */
    public static final Implementation PUNCH_CORE = new Implementation("punch-core", null, null,
            List.of("punch", "client"), Set.of(Capability.PORT_PREDICTION, Capability.HOLD, Capability.RECOVER, Capability.AGENT), null);

    public Implementation {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("implementation name '" + name + "': use a-z, 0-9 and '-' (max 40)");
        }
        command = List.copyOf(command);
        capabilities = Set.copyOf(capabilities);
        if (command.isEmpty()) {
            throw new IllegalArgumentException(name + ": command must not be empty");
        }
    }

    public boolean builtIn() {
        return home == null;
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
