package io.natlab.punch.protocol;

import io.natlab.punch.Endpoint;
import java.util.Objects;

/**
 * A registered client as the server describes it: its id, the endpoint the server saw, the one it reported,
 * and (optional, null if none) the endpoint it predicted for its next flow through a sequential NAT.
 */
public record PeerInfo(String id, Endpoint publicEndpoint, Endpoint privateEndpoint, Endpoint predicted) {
    public PeerInfo {
        Protocol.requireValidId(id, "id");
        Objects.requireNonNull(publicEndpoint, "publicEndpoint");
        Objects.requireNonNull(privateEndpoint, "privateEndpoint");
    }

    public PeerInfo(String id, Endpoint publicEndpoint, Endpoint privateEndpoint) {
        this(id, publicEndpoint, privateEndpoint, null);
    }

    public PeerInfo withPredicted(Endpoint p) {
        return new PeerInfo(id, publicEndpoint, privateEndpoint, p);
    }
}
