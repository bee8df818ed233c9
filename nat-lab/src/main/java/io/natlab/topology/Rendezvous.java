package io.natlab.topology;

/**
 * The rendezvous server's placement.
 *
 * @param site  {@code null} for the simulated internet (the default), else the name of a site whose LAN hosts it
 * @param port  TCP port it listens on
 * @param token shared token clients must present, or {@code null}
 */
public record Rendezvous(String site, int port, String token) {
    public static final String HOST_NAME = "rendezvous";
    public static Rendezvous defaults() { return new Rendezvous(null, 7000, null); }
}
