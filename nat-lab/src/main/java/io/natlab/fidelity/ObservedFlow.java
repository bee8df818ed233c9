package io.natlab.fidelity;

/**
 * One outbound TCP flow and the source endpoint the server saw.
 *
 * @param localPort  the inside host's source port
 * @param server     server address
 * @param serverPort server port
 * @param publicIp   source address the server saw ({@code null} when the flow failed)
 * @param publicPort source port the server saw (-1 when the flow failed)
 */
public record ObservedFlow(int localPort, String server, int serverPort, String publicIp, int publicPort) {
    public boolean ok() { return publicIp != null && publicPort > 0; }

    @Override public String toString() {
        return ":" + localPort + " -> " + server + ":" + serverPort + " seen as "
            + (ok() ? publicIp + ":" + publicPort : "(failed)");
    }
}
