package io.natlab.scenario;

/** Punch strategy, as the punch CLI's {@code --strategy} spells it. */
public enum Strategy {
    LISTEN_CONNECT("listen-connect"),
    CONNECT_ONLY("connect-only");

    private final String cliName;
    Strategy(String cliName) { this.cliName = cliName; }
    public String cliName() { return cliName; }
}
