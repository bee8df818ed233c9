package io.natlab.lab;

import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels on every Docker object of a lab: ours (so the sweeper can tell whose it is) plus Testcontainers'
 * session label when Ryuk runs (so Ryuk reaps them when this JVM dies without running its shutdown hooks).
 */
public final class LabLabels {
    public static final String NATLAB = "natlab";
    public static final String LAB = "natlab.lab";
    public static final String PID = "natlab.pid";
    /** Start time of the owning process (epoch ms): a reused pid is not mistaken for the owner. */
    public static final String PID_START = "natlab.pidStart";
    public static final String HOST = "natlab.host";
    public static final String NAME = "natlab.name";
    public static final String ROLE = "natlab.role";

    private LabLabels() {}

    public static Map<String, String> forLab(String labId) {
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        // Without Ryuk, Testcontainers' own JVM shutdown hook prunes this label, racing our hook on Ctrl-C and
        // printing a 409 "removal already in progress" stack trace; our hook and sweeper clean up alone then.
        if (ryukReaps()) labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(NATLAB, "true");
        labels.put(LAB, labId);
        labels.put(PID, Long.toString(ProcessHandle.current().pid()));
        labels.put(PID_START, Long.toString(startMillis(ProcessHandle.current())));
        labels.put(HOST, hostName());
        return labels;
    }

    public static Map<String, String> forHost(String labId, String hostName, HostRole role) {
        Map<String, String> labels = forLab(labId);
        labels.put(NAME, hostName);
        labels.put(ROLE, role.name().toLowerCase());
        return labels;
    }

    /** Testcontainers' own test (ResourceReaper.instance): Ryuk runs unless this variable is "true". */
    static boolean ryukReaps() {
        return !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
    }

    static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** This machine's name: labs are only swept by a process on the machine (and pid namespace) that made them. */
    public static String hostName() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String h = Files.readString(etc).trim();
                if (!h.isEmpty()) return h;
            }
        } catch (IOException ignored) { /* fall through */ }
        try { return InetAddress.getLocalHost().getHostName(); } catch (IOException e) { return "unknown"; }
    }
}
