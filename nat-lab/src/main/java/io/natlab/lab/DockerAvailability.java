package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

/** One clear answer to "can this process run labs?", instead of a Testcontainers stack trace. */
public final class DockerAvailability {
    public static final String NO_ENGINE = "No Docker engine: run docker/prepare-host.sh or start Docker";

    private DockerAvailability() {}

    public static boolean available() {
        try {
            client();
            return true;
        } catch (LabStartException e) {
            return false;
        }
    }

    /**
     * The Docker client, or a {@link LabStartException} with one clear sentence: {@link #NO_ENGINE} when no engine
     * answers, or what to do when the engine answers but Testcontainers' Ryuk reaper cannot start (no registry).
     */
    public static DockerClient client() {
        try {
            return DockerClientFactory.instance().client();
        } catch (Throwable t) {
            if (mentionsRyuk(t))
                throw new LabStartException("Docker answers, but Testcontainers could not start its Ryuk reaper container ("
                    + rootMessage(t) + "). Without a registry, run docker/prepare-host.sh (it writes /etc/natlab/env) or set TESTCONTAINERS_RYUK_DISABLED=true "
                    + "TESTCONTAINERS_HOST_OVERRIDE=localhost TESTCONTAINERS_CHECKS_DISABLE=true (.ci/run does this)", t);
            throw new LabStartException(NO_ENGINE + " (" + rootMessage(t) + ")", t);
        }
    }

    private static boolean mentionsRyuk(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).toLowerCase().contains("ryuk")) return true;
            for (StackTraceElement e : c.getStackTrace()) if (e.getClassName().contains("Ryuk")) return true;
        }
        return false;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
