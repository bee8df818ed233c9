package io.natlab.scenario.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A short description of the machine a run happened on, for the report. */
final class HostInfo {
    private HostInfo() {}

    static String describe() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return Runtime.getRuntime().availableProcessors() + " cores, " + kernel + ", Java "
            + System.getProperty("java.version") + cpuModel();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> ", " + l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
