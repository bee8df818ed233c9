package io.natlab.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * A punch-core CLI jar as an implementation under test (for {@code nat-lab compare --base-jar/--head-jar}): the jar
 * is copied into its own directory, which the peer image carries at {@code /opt/impl/NAME/}, with a launcher that
 * starts it like the peer image's own punch wrapper (C1 only, serial GC, a class-data-sharing archive made when the
 * image is built), so two jars compared start alike and as fast as the built-in one: punch-core's deadline counts
 * from process start. It reads the peer contract's variables (punch-core's CLI does).
 */
public final class JarImplementation {
    /** The file name of the jar inside the implementation's directory. */
    static final String JAR = "punch.jar";
    /** The launcher: the archive only when the build made one (a missing archive would make the JVM warn). */
    static final String LAUNCHER = """
            #!/bin/sh
            dir=$(dirname "$0")
            cds=""
            [ -f "$dir/punch.jsa" ] && cds="-XX:SharedArchiveFile=$dir/punch.jsa"
            exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto $cds -jar "$dir/punch.jar" "$@"
            """;

    private JarImplementation() {
    }

    /**
     * The archive dumped from a whole punch on loopback (server, two clients), as the peer image does for its own
     * punch.jar (docker/peer/Dockerfile: fresh client JVMs started in 0.57 of the time of a --help archive). A jar
     * whose punch fails still dumps what it loaded; one that cannot dump just starts without an archive. The server
     * is not killed by name (the build's own shell line holds that name): it ends with the build step.
     */
    static String cdsDump(String dir) {
        String jar = dir + JAR;
        return "cd /tmp && (timeout 30 java -jar " + jar + " server --port 7999 >/dev/null 2>&1 &)"
            + " && for i in $(seq 100); do ss -Hltn 'sport = :7999' | grep -q . && break; sleep 0.2; done"
            + " && (timeout 20 java -jar " + jar + " client --server 127.0.0.1:7999 --id cds-b --peer cds-a"
            + " --local-port 7998 --timeout 15s >/dev/null 2>&1 &)"
            + " && (timeout 25 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:ArchiveClassesAtExit="
            + dir + "punch.jsa -jar " + jar + " client --server 127.0.0.1:7999 --id cds-a --peer cds-b"
            + " --local-port 7997 --timeout 15s >/dev/null 2>&1; true)";
    }

    /**
     * Copies {@code jar} into {@code stagingDir/NAME/} and describes it.
     *
     * @throws IllegalArgumentException when the file is not a readable jar (zip) file
     */
    public static Implementation of(String name, Path jar, Path stagingDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + ": no such file");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("META-INF/MANIFEST.MF") == null) {
                throw new IllegalArgumentException(jar + ": a jar without a manifest (build punch-core's punch.jar)");
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(jar + ": not a jar file (" + e.getMessage() + ")");
        }
        Path home = stagingDir.resolve(name);
        Files.createDirectories(home);
        Files.copy(jar, home.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        Path launcher = home.resolve("punch");
        Files.writeString(launcher, LAUNCHER);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String dir = Implementation.IMPL_ROOT + name + "/";
        String install = cdsDump(dir);
        return new Implementation(name, home, install, List.of(dir + "punch", "client"),
                Set.of(Capability.PORT_PREDICTION), jar);
    }
}
