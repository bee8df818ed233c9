package io.natlab.lab;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

/** One clear answer to "can this process run labs?", instead of a Testcontainers stack trace. */
public final class DockerAvailability {
    public static final String NO_ENGINE = "No Docker engine: run docker/prepare-host.sh or start Docker";

    private DockerAvailability() {}

    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    /** The Docker client, or a {@link LabStartException} with {@link #NO_ENGINE} when no engine answers. */
    public static DockerClient client() {
        if (!available()) throw new LabStartException(NO_ENGINE);
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new LabStartException(NO_ENGINE + " (" + rootMessage(e) + ")", e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
