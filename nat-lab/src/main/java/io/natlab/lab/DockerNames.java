package io.natlab.lab;

/** Docker object names of a lab: {@code natlab-<lab id>-<host or network>}, with anything odd replaced. */
final class DockerNames {
    private DockerNames() {}

    static String of(String labId, String hostOrNetwork) {
        return "natlab-" + labId + "-" + hostOrNetwork.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
